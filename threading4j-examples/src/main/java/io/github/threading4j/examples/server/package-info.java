/**
 * An embedded HTTP/1.1 server on 127.0.0.1 that answers late, fails on purpose and counts what it saw:
 * {@link io.github.threading4j.examples.server.DelayServer}. The fetch command's demo, its end-to-end
 * tests and the network examples fetch from it, so that nothing leaves the machine.
 */
package io.github.threading4j.examples.server;

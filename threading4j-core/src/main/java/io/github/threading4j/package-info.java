/**
 * Python's {@code threading} module on the JVM, with CPython's semantics.
 *
 * <p>{@link io.github.threading4j.Lock} (owner-less), {@link io.github.threading4j.RLock},
 * {@link io.github.threading4j.Condition}, {@link io.github.threading4j.Semaphore},
 * {@link io.github.threading4j.BoundedSemaphore}, {@link io.github.threading4j.Event},
 * {@link io.github.threading4j.Barrier}, {@link io.github.threading4j.Timer}, {@link io.github.threading4j.Local}
 * and the module functions in {@link io.github.threading4j.Threading}. Locks implement
 * {@link java.util.concurrent.locks.Lock}, conditions {@link java.util.concurrent.locks.Condition}; every
 * context manager is used with try-with-resources through {@code hold()}.
 *
 * <p>Interrupts: threading4j's own (Python-named) blocking methods keep the interrupt status and throw the
 * unchecked {@link io.github.threading4j.UncheckedInterruptedException}; methods declared by a JDK interface
 * keep the JDK's contract. Nothing blocks inside {@code synchronized}, so virtual threads never pin a carrier.
 *
 * <p>Observation: every acquire and release of a lock or semaphore passes one static hook,
 * {@link io.github.threading4j.LockObserver}, which costs a field read and a branch when nothing is installed;
 * every blocking wait parks with its primitive as blocker ({@link io.github.threading4j.LockObserver#blockedOn}
 * names it), and every primitive takes an optional name shown in {@code toString()}. The {@code debug} package
 * plugs into these; this package knows nothing of it.
 */
package io.github.threading4j;

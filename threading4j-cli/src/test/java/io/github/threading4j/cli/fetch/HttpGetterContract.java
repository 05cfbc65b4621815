package io.github.threading4j.cli.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.examples.server.DelayServer;
import io.github.threading4j.support.Threads;
import io.github.threading4j.support.Timeouts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What every {@link HttpGetter} must do, on real loopback servers: the embedded {@link DelayServer}, and a
 * scripted raw server for what DelayServer cannot do (a keep-alive connection closed while idle, a bad
 * Location). One subclass per client, as CPython's test families are written.
 */
abstract class HttpGetterContract {
    static DelayServer server;
    static final Duration TIMEOUT = Timeouts.SHORT;

    /** The client under test, with a pool of {@code maxConnections}, or null for none. */
    abstract HttpGetter getter(int maxConnections, Duration timeout, Runnable beforeSend);

    @BeforeAll
    static void start() {
        server = DelayServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpGetter.Response get(HttpGetter http, URI uri) throws IOException {
        return http.get(uri, TIMEOUT, status -> OutputStream.nullOutputStream(), a -> {});
    }

    @Test
    void bodyStreamedToTheTargetChosenByStatus() throws IOException {
        var body = new ByteArrayOutputStream();
        var statuses = new CopyOnWriteArrayList<Integer>();
        try (var http = getter(4, TIMEOUT, null)) {
            var r = http.get(server.uri("/delay/0/x?size=3000000"), TIMEOUT, status -> {
                statuses.add(status);
                return body;
            }, a -> {});
            assertEquals(200, r.status());
            assertEquals(3_000_000, r.bytes());
            assertEquals(3_000_000, body.size());
            assertEquals(List.of(200), statuses);
            assertNull(r.retryAfter());
        }
    }

    @Test
    void statusAndRetryAfterAreReported() throws IOException {
        try (var http = getter(4, TIMEOUT, null)) {
            var r = get(http, server.uri("/status/429?retry_after=7"));
            assertEquals(429, r.status());
            assertEquals("7", r.retryAfter());
            assertEquals("status 429\n".length(), r.bytes());
            assertEquals(404, get(http, server.uri("/status/404")).status());
            assertEquals(204, get(http, server.uri("/status/204")).status());
        }
    }

    @Test
    void redirectsAreFollowedUpToTheLimit() throws IOException {
        try (var http = getter(4, TIMEOUT, null)) {
            var r = get(http, server.uri("/redirect/" + HttpGetter.MAX_REDIRECTS));
            assertEquals(200, r.status());
            assertEquals("redirected\n".length(), r.bytes());
            IOException e = assertThrows(IOException.class,
                    () -> get(http, server.uri("/redirect/" + (HttpGetter.MAX_REDIRECTS + 1))));
            assertEquals(ErrorKind.REDIRECTS, ErrorKind.of(e), e.toString());
        }
    }

    @Test
    void beforeSendRunsOncePerRequestWritten() throws IOException {
        AtomicInteger sent = new AtomicInteger();
        try (var http = getter(4, TIMEOUT, sent::incrementAndGet)) {
            long before = server.requests();
            assertEquals(200, get(http, server.uri("/redirect/3")).status());
            assertEquals(4, sent.get()); // the first request and three redirect hops
            assertEquals(4, server.requests() - before);
        }
    }

    @Test
    void transportFailuresHaveTheirKinds() throws IOException {
        try (var http = getter(4, Duration.ofMillis(300), null)) {
            IOException reset = assertThrows(IOException.class, () -> http.get(server.uri("/reset"),
                    Duration.ofMillis(300), s -> OutputStream.nullOutputStream(), a -> {}));
            assertEquals(ErrorKind.RESET, ErrorKind.of(reset), reset.toString());
            IOException slow = assertThrows(IOException.class, () -> http.get(server.uri("/delay/5000/slow"),
                    Duration.ofMillis(300), s -> OutputStream.nullOutputStream(), a -> {}));
            assertEquals(ErrorKind.TIMEOUT, ErrorKind.of(slow), slow.toString());
            int closedPort;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = s.getLocalPort();
            }
            IOException refused = assertThrows(IOException.class, () -> http.get(
                    URI.create("http://127.0.0.1:" + closedPort + "/"), Duration.ofMillis(300),
                    s -> OutputStream.nullOutputStream(), a -> {}));
            assertEquals(ErrorKind.REFUSED, ErrorKind.of(refused), refused.toString());
        }
    }

    /** A platform thread blocked reading an answer is released by the abort handle (an interrupt would not). */
    @Test
    void abortFromAnotherThreadEndsABlockedRequest() throws Exception {
        AtomicReference<HttpGetter.Abort> handle = new AtomicReference<>();
        try (var http = getter(4, TIMEOUT, null)) {
            long before = server.requests();
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread t = Thread.ofPlatform().start(() -> {
                try {
                    http.get(server.uri("/delay/60000/hang"), TIMEOUT, s -> OutputStream.nullOutputStream(), handle::set);
                    outcome.complete(null);
                } catch (Throwable e) {
                    outcome.complete(e);
                }
            });
            Threads.waitUntil(() -> server.requests() > before, "the server has the request");
            handle.get().abort();
            Throwable e = outcome.get(Timeouts.SHORT.toMillis(), TimeUnit.MILLISECONDS);
            assertTrue(e instanceof IOException, String.valueOf(e));
            t.join();
        }
    }

    /** The server closes each keep-alive connection once it has answered: the next request is resent, not failed. */
    @Test
    void aDeadKeepAliveConnectionIsReplacedNotFailed() throws Exception {
        try (var scripted = new ScriptedServer(path -> "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", true);
                var http = getter(1, TIMEOUT, null)) {
            for (int i = 0; i < 3; i++) {
                var r = get(http, scripted.uri("/n" + i));
                assertEquals(200, r.status());
                assertEquals(2, r.bytes());
            }
            assertEquals(3, scripted.connections.get());
            // the second and third requests first went out on the closed connection, then on a new one
            assertEquals(List.of("/n0", "/n1", "/n2"), scripted.answered);
        }
    }

    /** A reset on a reused connection is the URL's failure, sent once: only a clean end is taken for staleness. */
    @Test
    void aResetOnAReusedConnectionIsNotResent() throws IOException {
        try (var http = getter(1, TIMEOUT, null)) {
            long before = server.requests();
            assertEquals(200, get(http, server.uri("/delay/0/first")).status());
            IOException e = assertThrows(IOException.class, () -> get(http, server.uri("/reset")));
            assertEquals(ErrorKind.RESET, ErrorKind.of(e), e.toString());
            assertEquals(2, server.requests() - before);
        }
    }

    @Test
    void aRedirectToAnotherSchemeIsAProtocolError() throws Exception {
        try (var scripted = new ScriptedServer(
                path -> "HTTP/1.1 302 Found\r\nLocation: ftp://example.org/x\r\nContent-Length: 0\r\n\r\n", false);
                var http = getter(1, TIMEOUT, null)) {
            IOException e = assertThrows(IOException.class, () -> get(http, scripted.uri("/")));
            assertTrue(e.getMessage().contains("not an http or https URL"), e.getMessage());
        }
    }

    /**
     * Answers every request on a connection with {@code answer.apply(path)}; with {@code closeAfter}, closes
     * the connection after each answer without saying so (no {@code Connection: close}), as a server whose
     * keep-alive timeout has passed does.
     */
    static final class ScriptedServer implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger connections = new AtomicInteger();
        final List<String> answered = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        ScriptedServer(Function<String, String> answer, boolean closeAfter) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = Thread.ofPlatform().daemon().start(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        connections.incrementAndGet();
                        InputStream in = s.getInputStream();
                        String path;
                        while ((path = readRequest(in)) != null) {
                            answered.add(path); // before the answer, which the client may act on at once
                            s.getOutputStream().write(answer.apply(path).getBytes(StandardCharsets.US_ASCII));
                            s.getOutputStream().flush();
                            if (closeAfter) {
                                break;
                            }
                        }
                    } catch (IOException e) {
                        // closed
                    }
                }
            });
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
        }

        /** The request's path, once its head has been read; null at the end of the connection. */
        private static String readRequest(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                head.append((char) c);
                if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                    return head.toString().split(" ", 3)[1];
                }
            }
            return null;
        }

        @Override
        public void close() throws Exception {
            socket.close();
            acceptor.join();
        }
    }
}

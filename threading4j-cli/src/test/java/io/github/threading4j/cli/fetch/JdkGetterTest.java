package io.github.threading4j.cli.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.threading4j.examples.server.DelayServer;
import io.github.threading4j.support.Timeouts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client of {@code --http2}, on the loopback server: the same answers and limits as the default client. */
class JdkGetterTest {
    static DelayServer server;
    static final Duration TIMEOUT = Timeouts.SHORT;

    @BeforeAll
    static void start() {
        server = DelayServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpGetter.Response get(HttpGetter http, URI uri) throws IOException {
        return http.get(uri, TIMEOUT, status -> OutputStream.nullOutputStream(), a -> {});
    }

    @Test
    void bodyStatusAndRetryAfter() throws IOException {
        var body = new ByteArrayOutputStream();
        try (var http = new JdkGetter(TIMEOUT, null, true)) {
            var r = http.get(server.uri("/delay/0/x?size=70000"), TIMEOUT, status -> body, a -> {});
            assertEquals(200, r.status());
            assertEquals(70_000, r.bytes());
            assertEquals(70_000, body.size());
            var limited = get(http, server.uri("/status/429?retry_after=7"));
            assertEquals(429, limited.status());
            assertEquals("7", limited.retryAfter());
        }
    }

    /** The JDK's own limit is 5, past which it answers the 3xx: the getter follows them itself, as the default client. */
    @Test
    void redirectsAreFollowedUpToTheSameLimitAsTheDefaultClient() throws IOException {
        AtomicInteger sent = new AtomicInteger();
        try (var http = new JdkGetter(TIMEOUT, sent::incrementAndGet, true)) {
            var r = get(http, server.uri("/redirect/" + HttpGetter.MAX_REDIRECTS));
            assertEquals(200, r.status());
            assertEquals("redirected\n".length(), r.bytes());
            assertEquals(HttpGetter.MAX_REDIRECTS + 1, sent.get()); // a token for every request written
            IOException e = assertThrows(IOException.class,
                    () -> get(http, server.uri("/redirect/" + (HttpGetter.MAX_REDIRECTS + 1))));
            assertEquals(ErrorKind.REDIRECTS, ErrorKind.of(e), e.toString());
        }
    }
}

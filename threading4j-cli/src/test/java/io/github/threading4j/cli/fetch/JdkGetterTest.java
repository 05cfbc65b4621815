package io.github.threading4j.cli.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The client of {@code --http2}, java.net.http (HTTP/1.1 on these plain-http servers): the same answers,
 * redirects, limits and failures as the default client, but for one difference, asserted below. Its pool
 * is the JDK's own, unsized.
 */
class JdkGetterTest extends HttpGetterContract {
    @Override
    HttpGetter getter(int maxConnections, Duration timeout, Runnable beforeSend) {
        return new JdkGetter(timeout, beforeSend, true);
    }

    /**
     * The difference: the JDK's client sends a GET once more, by itself, when a reused connection fails
     * before any answer, a reset included (its ConnectionExpiredException; no property turns it off), so the
     * server sees the reset URL twice where the default client sends it once.
     */
    @Override
    @Test
    void aResetOnAReusedConnectionIsNotResent() throws IOException {
        try (var http = getter(1, TIMEOUT, null)) {
            long before = server.requests();
            assertEquals(200, get(http, server.uri("/delay/0/first")).status());
            IOException e = assertThrows(IOException.class, () -> get(http, server.uri("/reset")));
            assertEquals(ErrorKind.RESET, ErrorKind.of(e), e.toString());
            assertEquals(3, server.requests() - before);
        }
    }
}

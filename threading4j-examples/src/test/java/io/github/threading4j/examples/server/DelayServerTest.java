package io.github.threading4j.examples.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded server answers each endpoint as documented and counts what it saw. */
class DelayServerTest {
    static DelayServer server;
    static HttpClient client;

    @BeforeAll
    static void start() {
        server = DelayServer.start();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(server.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** /delay answers 200 with exactly size bytes, beginning "ok ID". */
    @Test
    void delayAnswersSizedBody() throws Exception {
        HttpResponse<String> r = get("/delay/0/abc?size=1024");
        assertEquals(200, r.statusCode());
        assertEquals(1024, r.body().length());
        assertTrue(r.body().startsWith("ok abc\n"));
    }

    /** /agent answers the request's User-Agent, lower-cased. */
    @Test
    void agentEchoesTheUserAgent() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(server.uri("/agent"))
                .header("User-Agent", "Probe/1.0").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("probe/1.0\n", r.body());
    }

    /** /status/429 carries the Retry-After asked for. */
    @Test
    void statusWithRetryAfter() throws Exception {
        HttpResponse<String> r = get("/status/429?retry_after=7");
        assertEquals(429, r.statusCode());
        assertEquals("7", r.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(500, get("/status/500").statusCode());
        assertEquals(404, get("/nothing").statusCode());
    }

    /** /redirect/N ends in a 200 after N hops; /bytes/N sends N bytes; /reset gives no answer. */
    @Test
    void redirectBytesReset() throws Exception {
        HttpClient follow = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> r = follow.send(HttpRequest.newBuilder(server.uri("/redirect/3")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("/redirect/0", r.uri().getPath());
        assertEquals(100_000, get("/bytes/100000").body().length());
        assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.uri("/reset")).build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** /stats counts requests and the most that arrived within one second, and resets. */
    @Test
    void statsCountAndReset() throws Exception {
        try (DelayServer own = DelayServer.start()) {
            HttpClient c = HttpClient.newHttpClient();
            for (int i = 0; i < 3; i++) {
                c.send(HttpRequest.newBuilder(own.uri("/delay/0/" + i)).build(), HttpResponse.BodyHandlers.discarding());
            }
            String stats = own.stats(true);
            assertTrue(stats.contains("\"requests\":3"), stats);
            assertTrue(stats.contains("\"peak_1s\":3"), stats);
            assertTrue(own.stats(false).contains("\"requests\":0"));
        }
    }
}

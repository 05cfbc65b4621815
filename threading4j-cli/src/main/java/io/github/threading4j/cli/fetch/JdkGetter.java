package io.github.threading4j.cli.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The JDK's java.net.http.HttpClient (HTTP/2 over TLS where the server offers it, HTTP/1.1 otherwise),
 * kept as the alternative measured against {@link HttpCoreGetter}; chosen with
 * {@code -Dthreading4j.http=jdk}.
 */
public final class JdkGetter implements HttpGetter {
    private final HttpClient client;
    private final Runnable beforeSend;

    /** @param beforeSend run just before each request is handed to the client (a rate limiter's token), or null */
    public JdkGetter(Duration timeout, Runnable beforeSend) {
        this.beforeSend = beforeSend;
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(timeout)
                .build();
    }

    @Override
    public Response get(URI uri, Duration timeout, BodyTarget target, Consumer<Abort> onStart) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        Thread me = Thread.currentThread();
        onStart.accept(me::interrupt);
        if (beforeSend != null) {
            beforeSend.run();
        }
        try {
            HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            long bytes;
            try (InputStream in = r.body(); OutputStream out = target.open(r.statusCode())) {
                bytes = HttpGetter.copy(in, out, deadline);
            }
            return new Response(r.statusCode(), bytes, r.headers().firstValue("Retry-After").orElse(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("aborted");
        }
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}

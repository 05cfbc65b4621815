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
 * The JDK's java.net.http.HttpClient: the client of {@code fetch --http2}, which negotiates HTTP/2 with
 * https servers that offer it (TLS ALPN; HTTP/1.1 otherwise, and always for plain http, where the JDK would
 * otherwise send an h2c upgrade with every first request), and the alternative measured against
 * {@link HttpCoreGetter} ({@code -Dthreading4j.http=jdk}).
 *
 * <p>Redirects are followed here, not by the JDK (whose limit is 5, and which answers the last 3xx when
 * it is passed), with the same rules and limit as the default client: {@link HttpGetter#redirect}.
 */
public final class JdkGetter implements HttpGetter {
    private final HttpClient client;
    private final Runnable beforeSend;
    private final boolean http2;

    /**
     * @param beforeSend run just before each request is handed to the client (a rate limiter's token), or null
     * @param http2 negotiate HTTP/2 on https URLs
     */
    public JdkGetter(Duration timeout, Runnable beforeSend, boolean http2) {
        this.beforeSend = beforeSend;
        this.http2 = http2;
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER) // followed below, as the default client does
                .connectTimeout(timeout)
                .build();
    }

    @Override
    public Response get(URI uri, Duration timeout, BodyTarget target, Consumer<Abort> onStart) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Thread me = Thread.currentThread();
        onStart.accept(me::interrupt);
        URI current = uri;
        int redirects = 0;
        try {
            while (true) {
                HttpRequest.Builder builder = HttpRequest.newBuilder(current).timeout(timeout).GET();
                if (http2 && "https".equalsIgnoreCase(current.getScheme())) {
                    builder.version(HttpClient.Version.HTTP_2);
                }
                if (beforeSend != null) {
                    beforeSend.run();
                }
                HttpResponse<InputStream> r = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
                int status = r.statusCode();
                var location = r.headers().firstValue("Location");
                if (location.isPresent() && HttpGetter.isRedirect(status)) {
                    try (InputStream in = r.body()) {
                        current = HttpGetter.redirect(current, location.get(), redirects++);
                        HttpGetter.copy(in, OutputStream.nullOutputStream(), deadline);
                    }
                    continue;
                }
                long bytes;
                try (InputStream in = r.body(); OutputStream out = target.open(status)) {
                    bytes = HttpGetter.copy(in, out, deadline);
                }
                return new Response(status, bytes, r.headers().firstValue("Retry-After").orElse(null));
            }
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

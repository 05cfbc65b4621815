package io.github.threading4j.cli.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient 5, classic (blocking) API, one call per virtual thread: pooled keep-alive
 * connections sized to the concurrency, redirects followed, automatic retries off. Chosen by measurement
 * (see BENCHMARKS.md, "Fetch"): on loopback it costs a fraction of java.net.http's CPU per request.
 * HTTP/1.1 only (the classic API has no HTTP/2).
 */
public final class ApacheGetter implements HttpGetter {
    private final CloseableHttpClient client;
    private final PoolingHttpClientConnectionManager pool;

    /**
     * @param maxConnections the pool's size, total and per route (the concurrency)
     * @param timeout connect, socket and response timeout
     * @param beforeSend run on each request's thread once its connection is open, just before the request
     *        is written (every redirect hop and retry included): where a rate limiter takes its token, so that
     *        connection set-up and warm-up cannot bunch requests up behind it; null for none
     */
    public ApacheGetter(int maxConnections, Duration timeout, Runnable beforeSend) {
        Timeout t = Timeout.of(timeout);
        pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(t)
                        .setSocketTimeout(t)
                        .build())
                .setTlsSocketStrategy(new LazyTls())
                .build();
        var builder = HttpClients.custom();
        if (beforeSend != null) {
            builder.addExecInterceptorAfter(ChainElement.CONNECT.name(), "before-send", (request, scope, chain) -> {
                beforeSend.run();
                return chain.proceed(request, scope);
            });
        }
        client = builder
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(t)
                        .setResponseTimeout(t)
                        .setRedirectsEnabled(true)
                        .setMaxRedirects(MAX_REDIRECTS)
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .build();
    }

    @Override
    public Response get(URI uri, Duration timeout, BodyTarget target, Consumer<Abort> onStart) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpGet get = new HttpGet(uri);
        onStart.accept(get::cancel);
        return client.execute(get, response -> {
            int status = response.getCode();
            Header ra = response.getFirstHeader("Retry-After");
            long bytes = 0;
            HttpEntity entity = response.getEntity();
            if (entity != null) {
                try (InputStream in = entity.getContent(); OutputStream out = target.open(status)) {
                    if (in != null) {
                        bytes = HttpGetter.copy(in, out, deadline);
                    }
                }
            }
            return new Response(status, bytes, ra == null ? null : ra.getValue());
        });
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
        pool.close(CloseMode.IMMEDIATE);
    }

    /** Builds the default TLS context on the first https connection only: plain http pays nothing for it. */
    private static final class LazyTls implements TlsSocketStrategy {
        /** Initialized when first used (the JVM's lazy class initialization does the locking). */
        private static final class Default {
            static final TlsSocketStrategy INSTANCE = DefaultClientTlsStrategy.createSystemDefault();
        }

        @Override
        public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
                throws IOException {
            return Default.INSTANCE.upgrade(socket, target, port, attachment, context);
        }
    }
}

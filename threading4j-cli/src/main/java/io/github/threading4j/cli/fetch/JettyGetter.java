package io.github.threading4j.cli.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Jetty 12's HttpClient (non-blocking I/O on a selector, the body streamed to the caller's thread through
 * an {@link InputStreamResponseListener}), one call per virtual thread; measured against
 * {@link ApacheGetter} and {@link JdkGetter}, chosen with {@code -Dthreading4j.http=jetty}.
 */
public final class JettyGetter implements HttpGetter {
    private final HttpClient client;
    private final Runnable beforeSend;

    /** @param beforeSend run on the calling thread just before each request is handed to the client, or null */
    public JettyGetter(int maxConnections, Duration timeout, Runnable beforeSend) {
        this.beforeSend = beforeSend;
        client = new HttpClient();
        client.setMaxConnectionsPerDestination(maxConnections);
        client.setMaxRequestsQueuedPerDestination(Math.max(1024, maxConnections * 4));
        client.setConnectTimeout(timeout.toMillis());
        client.setFollowRedirects(true);
        client.setMaxRedirects(MAX_REDIRECTS);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.setUserAgentField(null);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start Jetty's HttpClient", e);
        }
    }

    @Override
    public HttpGetter.Response get(URI uri, Duration timeout, BodyTarget target, Consumer<Abort> onStart)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Request request = client.newRequest(uri).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        onStart.accept(() -> request.abort(new InterruptedIOException("aborted")));
        if (beforeSend != null) {
            beforeSend.run();
        }
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        org.eclipse.jetty.client.Response response;
        try {
            response = listener.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            request.abort(e);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("aborted");
        } catch (TimeoutException e) {
            request.abort(e);
            throw new java.net.SocketTimeoutException("no answer within the timeout");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        int status = response.getStatus();
        String retryAfter = response.getHeaders().get(HttpHeader.RETRY_AFTER);
        long bytes;
        try (InputStream in = listener.getInputStream(); OutputStream out = target.open(status)) {
            bytes = HttpGetter.copy(in, out, deadline);
        }
        return new HttpGetter.Response(status, bytes, retryAfter);
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            // closing: nothing left to report it to
        }
    }
}

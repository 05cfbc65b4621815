package io.github.threading4j.cli.fetch;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Reactor Netty's HttpClient (Netty, the native epoll transport when it loads), the caller's virtual
 * thread blocking on the answer; measured against {@link ApacheGetter}, chosen with
 * {@code -Dthreading4j.http=reactor}. The body is counted (and written to its target) on Netty's event
 * loop as it arrives.
 */
public final class ReactorGetter implements HttpGetter {
    private final ConnectionProvider provider;
    private final HttpClient client;
    private final Runnable beforeSend;

    /** @param beforeSend run on the calling thread just before each request is handed to the client, or null */
    public ReactorGetter(int maxConnections, Duration timeout, Runnable beforeSend) {
        this.beforeSend = beforeSend;
        provider = ConnectionProvider.builder("fetch")
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(timeout)
                .build();
        client = HttpClient.create(provider)
                .followRedirect(true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .responseTimeout(timeout);
    }

    @Override
    public Response get(URI uri, Duration timeout, BodyTarget target, Consumer<Abort> onStart) throws IOException {
        if (beforeSend != null) {
            beforeSend.run();
        }
        Mono<Response> answer = client.get().uri(uri).response((r, body) -> {
            int status = r.status().code();
            String retryAfter = r.responseHeaders().get("Retry-After");
            OutputStream out;
            try {
                out = target.open(status);
            } catch (IOException e) {
                return Mono.error(e);
            }
            return body.map(buf -> write(buf, out)).reduce(0L, Long::sum)
                    .map(n -> new Response(status, n, retryAfter))
                    .doFinally(s -> closeQuietly(out));
        }).next();
        java.util.concurrent.CompletableFuture<Response> f = answer.toFuture();
        onStart.accept(() -> f.cancel(true));
        try {
            return f.get(timeout.toNanos() + 1_000_000_000L, java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("aborted");
        } catch (java.util.concurrent.TimeoutException e) {
            f.cancel(true);
            throw new java.net.SocketTimeoutException("no answer within the timeout");
        } catch (java.util.concurrent.CancellationException e) {
            throw new java.io.InterruptedIOException("aborted");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (c instanceof io.netty.handler.timeout.ReadTimeoutException) {
                throw new java.net.SocketTimeoutException("no answer within the timeout");
            }
            throw c instanceof IOException io ? io : new IOException(c.toString(), c);
        }
    }

    private static long write(ByteBuf buf, OutputStream out) {
        int n = buf.readableBytes();
        try {
            buf.readBytes(out, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException e) {
            // the count is what matters; a failed close of a saved body surfaces as a short file
        }
    }

    @Override
    public void close() {
        provider.disposeLater().block(Duration.ofSeconds(2));
    }
}

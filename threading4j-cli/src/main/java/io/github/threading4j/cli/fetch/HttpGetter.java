package io.github.threading4j.cli.fetch;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;

/**
 * The one seam between the fetcher and an HTTP client: a GET that follows redirects up to a limit and
 * streams the body into a target chosen once the status is known. Implementations pool connections
 * (sized to the concurrency), build TLS only when an https URL appears, and do not retry by themselves
 * (the fetcher retries, visibly).
 */
public interface HttpGetter extends AutoCloseable {

    /** Where a body goes, chosen from the final status (2xx bodies may be saved; others are only counted). */
    @FunctionalInterface
    interface BodyTarget {
        OutputStream open(int status) throws IOException;
    }

    /** What came back: the final status after redirects, the body's length, the Retry-After header or null. */
    record Response(int status, long bytes, String retryAfter) {}

    /** A request in progress that another thread may abort (Ctrl-C past the grace period). */
    interface Abort {
        void abort();
    }

    /**
     * GETs {@code uri}, following at most {@link #MAX_REDIRECTS} redirects, within {@code timeout} for the
     * connection and for the whole answer.
     *
     * @param onStart receives a handle to abort this request from another thread
     * @throws IOException connection refused or reset, timeout, protocol error
     */
    Response get(URI uri, Duration timeout, BodyTarget target, java.util.function.Consumer<Abort> onStart)
            throws IOException;

    /** Redirects followed before a URL fails. */
    int MAX_REDIRECTS = 10;

    /** More redirects than {@link #MAX_REDIRECTS}. */
    final class TooManyRedirectsException extends IOException {
        TooManyRedirectsException(String message) {
            super(message);
        }
    }

    /** The statuses whose {@code Location} is followed: 301, 302, 303, 307 and 308. */
    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * Where a redirect leads: {@code location} resolved against the URL that answered, which must give an
     * http or https URL with a host (else a protocol error), unless {@code followed} redirects were already
     * followed ({@link TooManyRedirectsException} at {@link #MAX_REDIRECTS}). The request stays a GET.
     */
    static URI redirect(URI base, String location, int followed) throws IOException {
        if (followed >= MAX_REDIRECTS) {
            throw new TooManyRedirectsException("more than " + MAX_REDIRECTS + " redirects");
        }
        URI next;
        try {
            next = base.resolve(new URI(location.strip()));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new IOException("protocol error: bad redirect Location " + location, e);
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || next.getHost() == null) {
            throw new IOException("protocol error: redirect to " + next + " (not an http or https URL)");
        }
        return next;
    }

    @Override
    void close();

    /** Copies {@code in} to {@code out}, failing once {@code deadlineNanos} (System.nanoTime) has passed. */
    static long copy(java.io.InputStream in, OutputStream out, long deadlineNanos) throws IOException {
        return copy(in, out, deadlineNanos, -1);
    }

    /**
     * As {@link #copy(java.io.InputStream, OutputStream, long)}, with the body's announced length (or -1) to
     * size the buffer: allocated per request, and zeroed, so a 1 KiB body does not pay for 8 KiB.
     */
    static long copy(java.io.InputStream in, OutputStream out, long deadlineNanos, long length) throws IOException {
        byte[] buf = new byte[length < 0 ? 8192 : (int) Math.clamp(length, 256, 8192)];
        long total = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
            total += n;
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new java.net.SocketTimeoutException("whole answer not received within the timeout");
            }
        }
        return total;
    }
}

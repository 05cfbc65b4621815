package io.github.threading4j.cli.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocketFactory;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.impl.HttpProcessors;
import org.apache.hc.core5.http.impl.bootstrap.HttpRequester;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.apache.hc.core5.http.io.HttpClientConnection;
import org.apache.hc.core5.http.io.HttpResponseInformationCallback;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.pool.StrictConnPool;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpCore 5's classic {@link HttpRequester}, one blocking call per virtual thread: the HTTP/1.1
 * message layer and connection pool that Apache HttpClient 5 is built on, without HttpClient's execution
 * chain (route planning, authentication, cookies, a {@code URIBuilder} parse of every request), which took
 * most of the CPU per request (see BENCHMARKS.md, "Fetch"). What that chain did and a fetcher needs is done
 * here, over HttpCore's parsing:
 *
 * <ul>
 *   <li><b>redirects</b>, as {@link HttpGetter#redirect} says;
 *   <li><b>a dead keep-alive connection</b> (the server closed it while it sat in the pool) is not the URL's
 *       failure: a request whose reused connection ends (end of stream, not a reset) before any answer is
 *       sent again on another (as curl and browsers do; GET is idempotent), once ({@link #STALE_RETRIES});
 *   <li><b>TLS</b> is built on the first https URL only, and checks the server's name against its
 *       certificate (the JDK's endpoint identification, which HttpCore leaves off by default).
 * </ul>
 *
 * <p>HTTP/1.1 only. The connection timeout and the socket timeout are both {@code timeout}; the whole
 * answer must arrive within it too ({@link HttpGetter#copy}).
 */
public final class HttpCoreGetter implements HttpGetter {
    /** Resends after a reused connection turned out dead, before the failure is the URL's. */
    static final int STALE_RETRIES = 1;

    private static final String SLOT = "threading4j.slot";
    private static final String USER_AGENT = "threading4j";

    private final HttpRequester requester;
    private final Timeout leaseTimeout;

    /**
     * @param maxConnections the pool's size, total and per origin (the concurrency)
     * @param timeout connect and socket timeout, and how long a request may wait for a pooled connection
     * @param beforeSend run on each request's thread once its connection is open, just before the request
     *        is written (every redirect hop and resend included): where a rate limiter takes its token, so
     *        that connection set-up and warm-up cannot bunch requests up behind it; null for none
     */
    public HttpCoreGetter(int maxConnections, Duration timeout, Runnable beforeSend) {
        Timeout t = Timeout.of(timeout);
        leaseTimeout = t;
        var processor = HttpProcessors.customClient(USER_AGENT);
        if (beforeSend != null) {
            processor.addLast((HttpRequestInterceptor) (request, entity, context) -> beforeSend.run());
        }
        requester = new HttpRequester(
                new SlotExecutor(),
                processor.build(),
                new StrictConnPool<>(maxConnections, maxConnections, TimeValue.NEG_ONE_MILLISECOND,
                        PoolReusePolicy.LIFO, null),
                SocketConfig.custom().setSoTimeout(t).setTcpNoDelay(true).build(),
                null,
                new LazyTls(),
                params -> params.setEndpointIdentificationAlgorithm("HTTPS"),
                null,
                null);
    }

    @Override
    public Response get(URI uri, Duration timeout, BodyTarget target, Consumer<Abort> onStart) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Slot slot = new Slot();
        onStart.accept(slot::abort);
        URI current = uri;
        int redirects = 0;
        int resends = 0;
        while (true) {
            HttpHost host = host(current);
            ClassicHttpRequest request = new BasicClassicHttpRequest("GET", host, pathAndQuery(current));
            HttpCoreContext context = HttpCoreContext.create();
            context.setAttribute(SLOT, slot);
            slot.reset();
            ClassicHttpResponse response;
            try {
                response = requester.execute(host, request, leaseTimeout, context);
            } catch (HttpException e) {
                throw new IOException("protocol error: " + e.getMessage(), e);
            } catch (NoHttpResponseException e) {
                // The connection ended cleanly before a byte of answer: on a reused connection that is a server
                // having closed it while it sat idle, not an answer, so the request goes again on another. A
                // reset (RST) is not resent here: a server that resets requests gets them retried visibly.
                if (slot.reused && !slot.aborted && resends < STALE_RETRIES && System.nanoTime() - deadline < 0) {
                    resends++;
                    continue;
                }
                throw e;
            }
            try (response) {
                int status = response.getCode();
                Header location = response.getFirstHeader("Location");
                if (location != null && HttpGetter.isRedirect(status)) {
                    HttpEntity entity = response.getEntity();
                    InputStream in = entity == null ? null : entity.getContent();
                    try {
                        current = HttpGetter.redirect(current, location.getValue(), redirects++);
                        if (in != null) { // read to its end (within the deadline): the connection serves the next hop
                            HttpGetter.copy(in, OutputStream.nullOutputStream(), deadline);
                            in.close();
                        }
                    } catch (IOException | RuntimeException e) {
                        abortQuietly(in); // not followed: drop the connection rather than drain an unknown body
                        throw e;
                    }
                    continue;
                }
                Header ra = response.getFirstHeader("Retry-After");
                long bytes = 0;
                HttpEntity entity = response.getEntity();
                if (entity != null) {
                    InputStream in = entity.getContent();
                    try (OutputStream out = target.open(status)) {
                        bytes = in == null ? 0 : HttpGetter.copy(in, out, deadline, entity.getContentLength());
                    } catch (IOException | RuntimeException e) {
                        abortQuietly(in); // do not drain the rest of a body we gave up on
                        throw e;
                    }
                    if (in != null) {
                        in.close();
                    }
                }
                return new Response(status, bytes, ra == null ? null : ra.getValue());
            }
        }
    }

    @Override
    public void close() {
        requester.close(CloseMode.IMMEDIATE);
    }

    private static HttpHost host(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new HttpHost(scheme, (InetAddress) null, uri.getHost(), port);
    }

    private static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static void abortQuietly(InputStream in) {
        try {
            if (in instanceof EofSensorInputStream eof) {
                eof.abort();
            } else if (in != null) {
                in.close();
            }
        } catch (IOException e) {
            // the connection is discarded either way
        }
    }

    /**
     * One request's connection, as the executor saw it: whether it had served before (a dead keep-alive
     * connection is resent, not failed), and the handle another thread closes to abort the request.
     */
    private static final class Slot {
        private volatile HttpClientConnection connection;
        volatile boolean aborted;
        boolean reused;

        void reset() {
            connection = null;
            reused = false;
        }

        void attach(HttpClientConnection conn) throws InterruptedIOException {
            reused = conn.getEndpointDetails() != null && conn.getEndpointDetails().getRequestCount() > 0;
            connection = conn;
            if (aborted) {
                conn.close(CloseMode.IMMEDIATE);
                throw new InterruptedIOException("aborted");
            }
        }

        void abort() {
            aborted = true;
            HttpClientConnection c = connection;
            if (c != null) {
                c.close(CloseMode.IMMEDIATE); // a read blocked on it fails at once
            }
        }
    }

    /** HttpCore's executor, telling the request's {@link Slot} which connection it runs on. */
    private static final class SlotExecutor extends HttpRequestExecutor {
        @Override
        public ClassicHttpResponse execute(ClassicHttpRequest request, HttpClientConnection conn,
                HttpResponseInformationCallback informationCallback, HttpContext context)
                throws IOException, HttpException {
            if (context.getAttribute(SLOT) instanceof Slot slot) {
                slot.attach(conn);
            }
            return super.execute(request, conn, informationCallback, context);
        }
    }

    /** The JDK's default TLS socket factory, built on the first https connection only. */
    private static final class LazyTls extends SSLSocketFactory {
        /** Initialized when first used (the JVM's lazy class initialization does the locking). */
        private static final class Default {
            static final SSLSocketFactory INSTANCE = (SSLSocketFactory) SSLSocketFactory.getDefault();
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return Default.INSTANCE.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return Default.INSTANCE.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return Default.INSTANCE.createSocket(s, host, port, autoClose);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return Default.INSTANCE.createSocket(host, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return Default.INSTANCE.createSocket(host, port, localHost, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return Default.INSTANCE.createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return Default.INSTANCE.createSocket(address, port, localAddress, localPort);
        }
    }
}

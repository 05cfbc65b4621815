package io.github.threading4j.examples.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small HTTP/1.1 server on loopback that answers late, fails on purpose, and counts what it saw.
 * One virtual thread per connection; keep-alive; binds to 127.0.0.1 only.
 *
 * <p>Adapted from the project's fetch benchmark anchor ({@code bench/fetch/java/DelayServer.java} in
 * the benchmark material the fetcher was measured against): the same endpoints and counters, made an
 * object that a program or a test starts and closes, on an ephemeral port by default.
 *
 * <pre>{@code
 * try (DelayServer server = DelayServer.start()) {
 *     URI slow = server.uri("/delay/100/a?size=1024");   // 200 after 100 ms, 1,024 bytes
 *     ... fetch it ...
 *     System.out.println(server.stats());                 // {"requests":1,...,"peak_1s":1,...}
 * }
 * }</pre>
 *
 * <pre>
 *   GET /delay/MS[/ANYTHING][?size=N]
 *                                200 after MS milliseconds; body "ok ANYTHING\n", or with size=N
 *                                exactly N bytes: that line, then '.' up to a final '\n'
 *   GET /status/CODE[?retry_after=S]
 *                                that status, body "status CODE\n" (none for 1xx, 204, 304); 429 and
 *                                503 carry "Retry-After: S" (default 1)
 *   GET /reset                   closes the connection with a TCP RST (SO_LINGER 0), no answer
 *   GET /close                   closes the connection with a FIN, no answer
 *   GET /bytes/N                 200 with N bytes of 'x' (at most 1 GiB)
 *   GET /redirect/N              302 to /redirect/N-1 ... /redirect/0 answers 200
 *   GET /agent                   200, body: the request's User-Agent header, lower-cased, and '\n'
 *   GET /stats[?reset=1]         JSON: requests, peak_in_flight, connections_opened, peak_connections,
 *                                in_flight and open_connections now, peak_1s (the most requests that
 *                                arrived within any one second) and span_s (first to last arrival),
 *                                since start or the last reset (the /stats request itself not counted)
 *   anything else                404
 * </pre>
 *
 * <p>Standalone: {@code java -cp threading4j-examples.jar io.github.threading4j.examples.server.DelayServer
 * [--port 0] [--max-seconds 900] [--backlog 4096]} prints {@code DelayServer listening on
 * http://127.0.0.1:PORT/} and stops by itself after {@code --max-seconds}.
 */
public final class DelayServer implements AutoCloseable {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong peakInFlight = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong openConnections = new AtomicLong();
    private final AtomicLong peakConnections = new AtomicLong();
    /** Whether the current request still counts as in flight (it stops counting just before its answer is written). */
    private final ThreadLocal<boolean[]> counting = ThreadLocal.withInitial(() -> new boolean[1]);
    /** Arrival times (System.nanoTime) of the requests since the last reset, for peak_1s; the first 1,048,576 only. */
    private final long[] arrivals = new long[1 << 20];
    private final AtomicInteger arrivalCount = new AtomicInteger();
    /** Open connections, closed by {@link #close()}. */
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ServerSocket server;
    private final Thread acceptor;

    private DelayServer(int port, int backlog) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
        acceptor = Thread.ofPlatform().daemon().name("delay-server-accept").start(this::acceptLoop);
    }

    /** Starts a server on 127.0.0.1 on an ephemeral port. */
    public static DelayServer start() {
        return start(0, 4096);
    }

    /** Starts a server on 127.0.0.1:{@code port} (0: an ephemeral port) with an accept backlog. */
    public static DelayServer start(int port, int backlog) {
        try {
            return new DelayServer(port, backlog);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** The port it listens on. */
    public int port() {
        return server.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT} (no trailing slash). */
    public String base() {
        return "http://127.0.0.1:" + port();
    }

    /** The absolute URI of {@code pathAndQuery} (starting with '/') on this server. */
    public URI uri(String pathAndQuery) {
        return URI.create(base() + pathAndQuery);
    }

    /** Stops accepting and drops every open connection. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        try {
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The counters as /stats returns them (JSON), optionally resetting them. */
    public String stats(boolean reset) {
        int n = Math.min(arrivalCount.get(), arrivals.length);
        long[] times = Arrays.copyOf(arrivals, n);
        Arrays.sort(times);
        int peak1s = 0;
        for (int lo = 0, hi = 0; hi < n; hi++) { // the most arrivals within [t, t + 1 s)
            while (times[hi] - times[lo] >= 1_000_000_000L) lo++;
            peak1s = Math.max(peak1s, hi - lo + 1);
        }
        double span = n > 1 ? (times[n - 1] - times[0]) / 1e9 : 0.0;
        String json = "{\"requests\":" + requests.get() + ",\"peak_in_flight\":" + peakInFlight.get()
                + ",\"connections_opened\":" + connections.get() + ",\"peak_connections\":" + peakConnections.get()
                + ",\"in_flight\":" + inFlight.get() + ",\"open_connections\":" + openConnections.get()
                + ",\"peak_1s\":" + peak1s + ",\"span_s\":" + String.format(Locale.ROOT, "%.3f", span) + "}\n";
        if (reset) {
            requests.set(0);
            peakInFlight.set(inFlight.get());
            connections.set(0);
            peakConnections.set(openConnections.get());
            arrivalCount.set(0);
        }
        return json;
    }

    /** Requests answered or being answered since start or the last reset (/stats not counted). */
    public long requests() {
        return requests.get();
    }

    /** The most requests in flight at once since start or the last reset. */
    public long peakInFlight() {
        return peakInFlight.get();
    }

    @Override
    public String toString() {
        return "<DelayServer " + base() + " requests=" + requests.get() + " in_flight=" + inFlight.get() + ">";
    }

    public static void main(String[] args) throws Exception {
        int port = 18081;
        long maxSeconds = 900;
        int backlog = 4096;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--max-seconds" -> maxSeconds = Long.parseLong(args[++i]);
                case "--backlog" -> backlog = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: DelayServer [--port N] [--max-seconds S] [--backlog N]");
                    System.exit(2);
                }
            }
        }
        DelayServer server = start(port, backlog);
        System.out.println("DelayServer listening on " + server.base() + "/");
        System.out.flush();
        Thread.sleep(maxSeconds * 1000);
        System.err.println("DelayServer: --max-seconds " + maxSeconds + " reached, exiting");
        server.close();
        System.exit(0);
    }

    // --- serving ------------------------------------------------------------------------------

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            connections.incrementAndGet();
            max(peakConnections, openConnections.incrementAndGet());
            sockets.add(s);
            Thread.ofVirtual().name("delay-server-conn").start(() -> serve(s));
        }
    }

    private static void max(AtomicLong peak, long v) {
        long p;
        while (v > (p = peak.get()) && !peak.compareAndSet(p, v)) { }
    }

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(60_000); // an idle keep-alive connection is closed after a minute
            InputStream in = new BufferedInputStream(s.getInputStream(), 8192);
            OutputStream out = new BufferedOutputStream(s.getOutputStream(), 16384);
            while (true) {
                String requestLine = readLine(in);
                if (requestLine == null) return;
                if (requestLine.isEmpty()) continue; // tolerate a stray CRLF between requests
                String[] parts = requestLine.split(" ");
                if (parts.length != 3) {
                    respond(out, 400, "bad request line\n", false, null, false);
                    return;
                }
                String method = parts[0], target = parts[1], version = parts[2];
                boolean keepAlive = version.equals("HTTP/1.1");
                long bodyLength = 0;
                String userAgent = "";
                String line;
                while ((line = readLine(in)) != null && !line.isEmpty()) {
                    int colon = line.indexOf(':');
                    if (colon <= 0) continue;
                    String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                    if (name.equals("connection")) {
                        if (value.contains("close")) keepAlive = false;
                        else if (value.contains("keep-alive")) keepAlive = true;
                    } else if (name.equals("user-agent")) {
                        userAgent = value;
                    } else if (name.equals("content-length")) {
                        bodyLength = Long.parseLong(value);
                    } else if (name.equals("transfer-encoding")) {
                        keepAlive = false; // chunked request bodies are not read; answer, then close
                    }
                }
                if (line == null) return;
                in.skipNBytes(bodyLength);
                boolean head = method.equals("HEAD");
                if (!handle(s, out, target, keepAlive, head, userAgent)) return;
                if (!keepAlive) return;
            }
        } catch (SocketTimeoutException e) {
            // idle keep-alive connection
        } catch (IOException | RuntimeException e) {
            // the client went away, or sent something we do not parse: drop the connection
        } finally {
            sockets.remove(s);
            openConnections.decrementAndGet();
        }
    }

    /** Answers one request; false when the connection must end (reset, close). */
    private boolean handle(Socket s, OutputStream out, String target, boolean keepAlive, boolean head,
            String userAgent) throws IOException {
        String path = target, query = "";
        int q = target.indexOf('?');
        if (q >= 0) {
            path = target.substring(0, q);
            query = target.substring(q + 1);
        }
        if (path.equals("/stats")) {
            respond(out, 200, stats(query.contains("reset=1")), keepAlive, "application/json", head);
            return true;
        }
        requests.incrementAndGet();
        int slot = arrivalCount.getAndIncrement();
        if (slot < arrivals.length) arrivals[slot] = System.nanoTime();
        max(peakInFlight, inFlight.incrementAndGet());
        counting.get()[0] = true;
        try {
            String[] seg = path.split("/", 4); // "", "delay", "100", "rest"
            String kind = seg.length > 1 ? seg[1] : "";
            switch (kind) {
                case "delay" -> {
                    long ms = Long.parseLong(seg[2]);
                    if (ms > 0) Thread.sleep(Math.min(ms, 600_000));
                    String line = "ok " + (seg.length > 3 ? seg[3] : "") + "\n";
                    int size = -1;
                    for (String kv : query.split("&")) {
                        if (kv.startsWith("size=")) size = Math.min(Integer.parseInt(kv.substring(5)), 1 << 24);
                    }
                    if (size < 0) {
                        respond(out, 200, line, keepAlive, null, head);
                    } else {
                        byte[] body = new byte[size];
                        Arrays.fill(body, (byte) '.');
                        byte[] l = line.getBytes(StandardCharsets.UTF_8);
                        System.arraycopy(l, 0, body, 0, Math.min(l.length, size));
                        if (size > 0) body[size - 1] = '\n';
                        respondRaw(out, 200, body, keepAlive, "text/plain", null, head);
                    }
                }
                case "agent" -> respond(out, 200, userAgent + "\n", keepAlive, null, head);
                case "status" -> {
                    int code = Integer.parseInt(seg[2]);
                    String extra = null;
                    if (code == 429 || code == 503) {
                        String retryAfter = "1";
                        for (String kv : query.split("&")) {
                            if (kv.startsWith("retry_after=")) retryAfter = kv.substring("retry_after=".length());
                        }
                        extra = "Retry-After: " + retryAfter + "\r\n";
                    }
                    respondRaw(out, code, ("status " + code + "\n").getBytes(StandardCharsets.US_ASCII), keepAlive,
                            "text/plain", extra, head);
                }
                case "reset" -> {
                    s.setSoLinger(true, 0); // close() now sends RST instead of FIN
                    return false;
                }
                case "close" -> {
                    return false;
                }
                case "bytes" -> {
                    long n = Math.min(Long.parseLong(seg[2]), 1L << 30);
                    String header = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + n
                            + "\r\n" + (keepAlive ? "" : "Connection: close\r\n") + "\r\n";
                    leave();
                    out.write(header.getBytes(StandardCharsets.US_ASCII));
                    if (!head) {
                        byte[] chunk = new byte[16384];
                        Arrays.fill(chunk, (byte) 'x');
                        for (long left = n; left > 0; left -= chunk.length) {
                            out.write(chunk, 0, (int) Math.min(left, chunk.length));
                        }
                    }
                    out.flush();
                }
                case "redirect" -> {
                    int n = Integer.parseInt(seg[2]);
                    if (n <= 0) {
                        respond(out, 200, "redirected\n", keepAlive, null, head);
                    } else {
                        respondRaw(out, 302, new byte[0], keepAlive, "text/plain",
                                "Location: /redirect/" + (n - 1) + "\r\n", head);
                    }
                }
                default -> respond(out, 404, "not found\n", keepAlive, null, head);
            }
            return true;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            respond(out, 400, "bad number in path\n", keepAlive, null, head);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            leave();
        }
    }

    /** The request is answered (or given up): it no longer counts as in flight. Idempotent per request. */
    private void leave() {
        boolean[] c = counting.get();
        if (c[0]) {
            c[0] = false;
            inFlight.decrementAndGet();
        }
    }

    private void respond(OutputStream out, int code, String body, boolean keepAlive, String type, boolean head)
            throws IOException {
        respondRaw(out, code, body.getBytes(StandardCharsets.UTF_8), keepAlive,
                type == null ? "text/plain" : type, null, head);
    }

    private void respondRaw(OutputStream out, int code, byte[] body, boolean keepAlive, String type, String extra,
            boolean head) throws IOException {
        // 1xx, 204 and 304 have no body, and 1xx and 204 no Content-Length (RFC 9110, 8.6 and 15.3.5)
        boolean noBody = code < 200 || code == 204 || code == 304;
        String header = "HTTP/1.1 " + code + " " + reason(code) + "\r\nContent-Type: " + type + "\r\n"
                + (code < 200 || code == 204 ? "" : "Content-Length: " + (noBody ? 0 : body.length) + "\r\n")
                + (extra == null ? "" : extra) + (keepAlive ? "" : "Connection: close\r\n") + "\r\n";
        leave();
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        if (!head && !noBody) out.write(body);
        out.flush();
    }

    private static String reason(int code) {
        return switch (code) {
            case 200 -> "OK";
            case 204 -> "No Content";
            case 304 -> "Not Modified";
            case 302 -> "Found";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status";
        };
    }

    /** One header line without its CRLF (ISO-8859-1), or null at end of stream. Lines over 64 KiB fail. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(128);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') sb.setLength(len - 1);
                return sb.toString();
            }
            if (sb.length() > 65536) throw new IOException("header line too long");
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}

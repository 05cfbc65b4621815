package io.github.threading4j.cli.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;
import org.apache.hc.core5.http.NoHttpResponseException;

/** Why a URL failed, as the summary counts it; {@link #label()} is what the result line's error begins with. */
public enum ErrorKind {
    /** Not an absolute http(s) URL. */
    INVALID_URL("invalid-url"),
    /** An answer other than 2xx (after redirects and retries). */
    HTTP("http"),
    /** Nothing listens there (TCP refused), or the host is unreachable. */
    REFUSED("refused"),
    /** The connection was reset, or closed before an answer. */
    RESET("reset"),
    /** No connection, or no whole answer, within --timeout. */
    TIMEOUT("timeout"),
    /** The host name does not resolve. */
    DNS("dns"),
    /** The TLS handshake failed. */
    TLS("tls"),
    /** More redirects than the limit, or a loop. */
    REDIRECTS("redirects"),
    /** Given up when Ctrl-C's grace period ran out. */
    CANCELLED("cancelled"),
    /** Writing the body (--save) failed, or anything else. */
    IO("io");

    private final String label;

    ErrorKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind of a failed attempt. */
    public static ErrorKind of(IOException e) {
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return e.getCause() instanceof java.net.SocketTimeoutException ? TIMEOUT : REFUSED;
        }
        if (e instanceof UnknownHostException) {
            return DNS;
        }
        if (e instanceof SSLException) {
            return TLS;
        }
        if (e instanceof NoHttpResponseException) {
            return RESET;
        }
        if (e instanceof HttpTimeoutException || e instanceof InterruptedIOException) {
            return TIMEOUT;
        }
        if (e instanceof HttpGetter.TooManyRedirectsException) {
            return REDIRECTS;
        }
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (e instanceof SocketException && (m.contains("reset") || m.contains("broken pipe") || m.contains("closed"))) {
            return RESET;
        }
        if (m.contains("too many redirects") || m.contains("redirect")) {
            return REDIRECTS;
        }
        if (m.contains("header parser received no bytes") || m.contains("connection closed")) {
            return RESET; // java.net.http's words for a connection closed before an answer
        }
        return IO;
    }
}

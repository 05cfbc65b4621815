package io.github.threading4j.cli.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retry decisions, backoff and Retry-After parsing, on a fixed clock and a scripted random source. */
class RetryPolicyTest {
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    /** A random source that logs each draw and returns the scripted values in turn. */
    static final class ScriptedRandom implements java.util.function.DoubleSupplier {
        final double[] values;
        int next;

        ScriptedRandom(double... values) {
            this.values = values;
        }

        @Override
        public double getAsDouble() {
            return values[next++ % values.length];
        }
    }

    static RetryPolicy policy(int retries, double... random) {
        return new RetryPolicy(retries, Duration.ofMillis(100), Duration.ofSeconds(1), new ScriptedRandom(random));
    }

    /** Waits double each retry, with equal jitter in [d/2, d), capped. */
    @Test
    void exponentialBackoffWithJitterAndCap() {
        RetryPolicy p = policy(10, 0.0);
        List<Long> waits = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            waits.add(p.backoff(n).toMillis());
        }
        assertEquals(List.of(50L, 100L, 200L, 400L, 500L, 500L), waits);
        RetryPolicy high = policy(10, 0.999999);
        assertEquals(99, high.backoff(1).toMillis());
        assertEquals(999, high.backoff(5).toMillis());
    }

    /** What is retried: refused, reset, 429, 5xx; never other 4xx, timeouts, TLS or bad URLs. */
    @Test
    void whatIsRetried() {
        assertTrue(RetryPolicy.retryable(RetryPolicy.Outcome.failure(ErrorKind.REFUSED)));
        assertTrue(RetryPolicy.retryable(RetryPolicy.Outcome.failure(ErrorKind.RESET)));
        assertTrue(RetryPolicy.retryable(RetryPolicy.Outcome.status(429, null)));
        assertTrue(RetryPolicy.retryable(RetryPolicy.Outcome.status(500, null)));
        assertTrue(RetryPolicy.retryable(RetryPolicy.Outcome.status(503, null)));
        assertTrue(RetryPolicy.retryable(RetryPolicy.Outcome.status(599, null)));
        for (int s : new int[] {400, 401, 403, 404, 410, 418, 451, 499}) {
            assertFalse(RetryPolicy.retryable(RetryPolicy.Outcome.status(s, "1")), "status " + s);
        }
        assertFalse(RetryPolicy.retryable(RetryPolicy.Outcome.status(200, null)));
        for (ErrorKind k : new ErrorKind[] {ErrorKind.TIMEOUT, ErrorKind.TLS, ErrorKind.DNS, ErrorKind.INVALID_URL,
            ErrorKind.REDIRECTS, ErrorKind.CANCELLED, ErrorKind.IO}) {
            assertFalse(RetryPolicy.retryable(RetryPolicy.Outcome.failure(k)), k.toString());
        }
    }

    /** The retries run out: after attempt retries+1 there is no next wait. */
    @Test
    void retriesRunOut() {
        RetryPolicy p = policy(2, 0.5);
        RetryPolicy.Outcome reset = RetryPolicy.Outcome.failure(ErrorKind.RESET);
        assertEquals(Duration.ofMillis(75), p.nextWait(1, reset, NOW));
        assertEquals(Duration.ofMillis(150), p.nextWait(2, reset, NOW));
        assertNull(p.nextWait(3, reset, NOW));
        assertNull(policy(0, 0.5).nextWait(1, reset, NOW));
    }

    /** A Retry-After on 429 and 503 replaces the backoff; on a 500 it is ignored; too long a wait gives up. */
    @Test
    void retryAfterReplacesBackoff() {
        RetryPolicy p = policy(3, 0.0);
        assertEquals(Duration.ofSeconds(7), p.nextWait(1, RetryPolicy.Outcome.status(429, "7"), NOW));
        assertEquals(Duration.ofSeconds(3), p.nextWait(1, RetryPolicy.Outcome.status(503, " 3 "), NOW));
        assertEquals(Duration.ofMillis(50), p.nextWait(1, RetryPolicy.Outcome.status(500, "7"), NOW));
        assertEquals(Duration.ofMillis(50), p.nextWait(1, RetryPolicy.Outcome.status(429, "soon"), NOW));
        assertNull(p.nextWait(1, RetryPolicy.Outcome.status(429, "121"), NOW));
        assertEquals(Duration.ofSeconds(120), p.nextWait(1, RetryPolicy.Outcome.status(429, "120"), NOW));
    }

    /** Retry-After as delay-seconds or an HTTP date; a past date is no wait; garbage is null. */
    @Test
    void parseRetryAfter() {
        assertEquals(Duration.ofSeconds(120), RetryPolicy.parseRetryAfter("120", NOW));
        assertEquals(Duration.ZERO, RetryPolicy.parseRetryAfter("0", NOW));
        assertEquals(Duration.ofSeconds(90), RetryPolicy.parseRetryAfter("Mon, 23 Nov 2026 12:01:30 GMT", NOW));
        assertEquals(Duration.ZERO, RetryPolicy.parseRetryAfter("Mon, 23 Nov 2026 11:00:00 GMT", NOW));
        assertNull(RetryPolicy.parseRetryAfter("-5", NOW));
        assertNull(RetryPolicy.parseRetryAfter("1.5", NOW));
        assertNull(RetryPolicy.parseRetryAfter("tomorrow", NOW));
        assertNull(RetryPolicy.parseRetryAfter(null, NOW));
        assertTrue(RetryPolicy.parseRetryAfter("99999999999999999999999", NOW).compareTo(RetryPolicy.MAX_RETRY_AFTER) > 0);
    }

    @Test
    void negativeRetriesRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> policy(-1, 0)).getMessage().contains("retries"));
    }

    /** Saved bodies get names without path separators or dots in front, unique by sequence number. */
    @Test
    void safeNames() {
        assertEquals("000007-example.org_8080_a_b_c.html_q_1_x_y",
                Fetcher.safeName(7, URI.create("http://example.org:8080/a/b/c.html?q=1&x=y")));
        String evil = Fetcher.safeName(1, URI.create("http://h/../../etc/passwd"));
        assertFalse(evil.contains("/"), evil);
        assertFalse(evil.contains(".."), evil);
        assertTrue(Fetcher.safeName(2, URI.create("http://h/" + "a".repeat(500))).length() <= 107);
    }

    /** Only absolute http(s) URLs with a host are accepted. */
    @Test
    void parseUrls() {
        assertEquals("h", Fetcher.parse("https://h/x").getHost());
        for (String bad : new String[] {"ftp://h/x", "h/x", "http:///x", "not a url", "mailto:a@b"}) {
            assertThrows(IllegalArgumentException.class, () -> Fetcher.parse(bad), bad);
        }
    }
}

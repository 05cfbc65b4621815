package io.github.threading4j.cli.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.DoubleSupplier;

/**
 * When to try a URL again, and after how long: a pure function of the attempt number and what the
 * attempt got, so that it is tested without a network or a clock.
 *
 * <p>Retried: connection refused, connection reset (or closed without an answer), 429 and every 5xx.
 * Never retried: other 4xx, timeouts (a slow server stays slow; the URL fails after one timeout, not
 * N), protocol and TLS errors, bad URLs. The wait before retry n (1-based) is exponential with "equal
 * jitter": {@code d = min(cap, base * 2^(n-1))}, then a uniform draw in {@code [d/2, d)}, so that many
 * URLs failing together do not come back together. A {@code Retry-After} on a 429 or 503 replaces that
 * wait (the server said when); one longer than {@link #MAX_RETRY_AFTER} is not waited for: the URL fails.
 */
public final class RetryPolicy {
    /** The longest Retry-After the fetcher waits for. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(120);

    /** What one attempt got: an HTTP status (0 if none) and its Retry-After header, or a failure kind. */
    public record Outcome(int status, String retryAfter, ErrorKind error) {
        public static Outcome status(int status, String retryAfter) {
            return new Outcome(status, retryAfter, status / 100 == 2 ? null : ErrorKind.HTTP);
        }

        public static Outcome failure(ErrorKind kind) {
            return new Outcome(0, null, kind);
        }
    }

    private final int retries;
    private final Duration base;
    private final Duration cap;
    private final DoubleSupplier random;

    /**
     * @param retries attempts after the first, at most
     * @param base the first backoff before jitter
     * @param cap the longest backoff before jitter
     * @param random uniform draws in [0, 1)
     */
    public RetryPolicy(int retries, Duration base, Duration cap, DoubleSupplier random) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0, got " + retries);
        }
        this.retries = retries;
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    public int retries() {
        return retries;
    }

    /** Whether an attempt that got this should be tried again (retries left or not). */
    public static boolean retryable(Outcome o) {
        if (o.error() == null) {
            return false;
        }
        return switch (o.error()) {
            case REFUSED, RESET -> true;
            case HTTP -> o.status() == 429 || o.status() / 100 == 5;
            default -> false;
        };
    }

    /**
     * The wait before the next attempt, after attempt {@code attempt} (1-based) got {@code o}, or null when
     * there is none (success, not retryable, no retries left, or a Retry-After too long to wait).
     *
     * @param now the wall-clock time, for a Retry-After given as an HTTP date
     */
    public Duration nextWait(int attempt, Outcome o, Instant now) {
        if (!retryable(o) || attempt > retries) {
            return null;
        }
        Duration after = (o.status() == 429 || o.status() == 503) ? parseRetryAfter(o.retryAfter(), now) : null;
        if (after != null) {
            return after.compareTo(MAX_RETRY_AFTER) > 0 ? null : after;
        }
        return backoff(attempt);
    }

    /** Retry n's jittered exponential wait, n >= 1. */
    public Duration backoff(int n) {
        long d = base.toNanos();
        for (int i = 1; i < n && d < cap.toNanos(); i++) {
            d *= 2;
        }
        d = Math.min(d, cap.toNanos());
        double r = random.getAsDouble();
        return Duration.ofNanos(d / 2 + (long) (d / 2 * r));
    }

    /**
     * A Retry-After value (RFC 9110 10.2.3): delay-seconds ("120") or an HTTP date ("Fri, 31 Dec 1999
     * 23:59:59 GMT"), as a wait from {@code now}; a date in the past is zero; anything else is null.
     */
    public static Duration parseRetryAfter(String value, Instant now) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (!v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return MAX_RETRY_AFTER.plusSeconds(1); // more digits than a long: too long to wait
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isBefore(now) ? Duration.ZERO : Duration.between(now, at);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

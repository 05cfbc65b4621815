package io.github.threading4j.cli.fetch;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Counts by status and error kind, and latency percentiles (HdrHistogram, microseconds). Guarded by the fetcher's output lock. */
public final class Summary {
    private final Histogram latencyMicros = new Histogram(3_600_000_000L, 3);
    private final Map<String, Integer> byStatus = new TreeMap<>();
    private final Map<String, Integer> byError = new TreeMap<>();
    private long ok;
    private long failed;
    private long bytes;
    private long attempts;

    void add(Result r) {
        byStatus.merge(r.status() == null ? "none" : r.status().toString(), 1, Integer::sum);
        attempts += r.attempts();
        if (r.ok()) {
            ok++;
            bytes += r.bytes();
        } else {
            failed++;
            byError.merge(r.kind().label(), 1, Integer::sum);
        }
        if (r.attempts() > 0) {
            latencyMicros.recordValue(Math.min(latencyMicros.getHighestTrackableValue(),
                    Math.max(0, Math.round(r.latencyMs() * 1000))));
        }
    }

    public long ok() {
        return ok;
    }

    public long failed() {
        return failed;
    }

    public long bytes() {
        return bytes;
    }

    public long total() {
        return ok + failed;
    }

    /** The summary lines, for stderr. */
    public String render(double wallSeconds, boolean interrupted, long unfinished) {
        StringBuilder sb = new StringBuilder();
        long n = total();
        sb.append(String.format(Locale.ROOT, "%s %d URL%s in %.2f s (%.1f/s): %d ok, %d failed%s%n",
                interrupted ? "interrupted after" : "fetched", n, n == 1 ? "" : "s", wallSeconds,
                wallSeconds > 0 ? n / wallSeconds : 0.0, ok, failed,
                unfinished > 0 ? ", " + unfinished + " unfinished" : ""));
        sb.append("  by status:  ").append(counts(byStatus)).append('\n');
        if (!byError.isEmpty()) {
            sb.append("  by error:   ").append(counts(byError)).append('\n');
        }
        if (latencyMicros.getTotalCount() > 0) {
            sb.append(String.format(Locale.ROOT, "  latency:    p50 %s, p95 %s, p99 %s, max %s%n",
                    ms(latencyMicros.getValueAtPercentile(50)), ms(latencyMicros.getValueAtPercentile(95)),
                    ms(latencyMicros.getValueAtPercentile(99)), ms(latencyMicros.getMaxValue())));
        }
        sb.append(String.format(Locale.ROOT, "  received:   %,d bytes in %d requests (retries included)%n", bytes, attempts));
        return sb.toString();
    }

    private static String counts(Map<String, Integer> m) {
        if (m.isEmpty()) {
            return "-";
        }
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(" x").append(v));
        return sb.toString();
    }

    private static String ms(long micros) {
        return micros < 10_000 ? String.format(Locale.ROOT, "%.1f ms", micros / 1000.0)
                : String.format(Locale.ROOT, "%d ms", Math.round(micros / 1000.0));
    }
}

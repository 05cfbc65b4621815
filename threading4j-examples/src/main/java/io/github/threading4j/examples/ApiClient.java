package io.github.threading4j.examples;

import io.github.threading4j.examples.server.DelayServer;
import io.github.threading4j.futures.Future;
import io.github.threading4j.futures.Futures;
import io.github.threading4j.futures.ThreadPoolExecutor;
import io.github.threading4j.ratelimit.RateLimiter;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * Real-world: a concurrent API client (tutorial 000), with a real rate limit.
 *
 * <p>The tutorial's {@code APIClient(max_concurrent=10, rate_limit=100)} wraps each call in
 * {@code Semaphore(rate_limit)}. A semaphore is a concurrency cap, not a rate limit: it bounds how many calls
 * are in flight, not how many start per second, and with only ten workers a cap of 100 never even comes into
 * play. Here the two limits are named for what they are:
 * <ul>
 *   <li>the concurrency cap is the pool, {@code new ThreadPoolExecutor(maxConcurrent)}: at most that many calls
 *       run at once (the server counts them, and the test checks its peak);
 *   <li>the rate limit is a token bucket, {@link RateLimiter#create(double) RateLimiter.create(ratePerSecond)},
 *       taken just before each call: in any second at most {@code rate + 1} calls start.
 * </ul>
 * The calls go to the embedded server (0.1 s of latency each, the tutorial's {@code time.sleep(0.1)}).
 */
public final class ApiClient {
    private ApiClient() {}

    /** One call's outcome: Python's {@code {"endpoint": ep, "status": "ok"}} or {@code {"error": ...}}. */
    public record ApiResult(String endpoint, String status, String error) {}

    /**
     * @param results        every call's outcome, in completion order
     * @param peakInFlight   the most calls the server saw at once
     * @param elapsedNanos   from the first submit to the last result
     * @param ratePerSecond  the rate used (scaled by the pace)
     */
    public record Result(List<ApiResult> results, long peakInFlight, long elapsedNanos, double ratePerSecond,
            Transcript transcript) {}

    /** Python's {@code class APIClient}. */
    public static final class Client implements AutoCloseable {
        private final ThreadPoolExecutor executor; // the concurrency cap
        private final RateLimiter rateLimiter;     // the rate limit
        private final DelayServer server;
        private final HttpClient http = Http.client();
        private final Pace pace;

        public Client(int maxConcurrent, double ratePerSecond, DelayServer server, Pace pace) {
            this.executor = new ThreadPoolExecutor(maxConcurrent);
            this.rateLimiter = RateLimiter.create(ratePerSecond);
            this.server = server;
            this.pace = pace;
        }

        private ApiResult fetch(String endpoint) {
            rateLimiter.acquire(); // as late as possible: just before the call goes out
            Http.Page page = Http.urlopen(http, server.uri(Http.delayPath(pace, 0.1, endpoint.substring(1))));
            return new ApiResult(endpoint, page.body().startsWith("ok") ? "ok" : page.body().strip(), null);
        }

        public List<ApiResult> fetchAll(List<String> endpoints) {
            Map<Future<ApiResult>, String> futures = new LinkedHashMap<>();
            for (String ep : endpoints) {
                futures.put(executor.submit(() -> fetch(ep)), ep);
            }
            List<ApiResult> results = new ArrayList<>();
            for (Future<ApiResult> future : Futures.asCompleted(futures.keySet())) {
                try {
                    results.add(future.result());
                } catch (CompletionException e) {
                    results.add(new ApiResult(futures.get(future), null, String.valueOf(e.getCause())));
                }
            }
            return results;
        }

        /** Python's {@code shutdown()}: waits for the calls in flight. */
        @Override
        public void close() {
            executor.shutdown(true);
            http.close();
        }
    }

    public static Result run(Pace pace, Transcript out) {
        return run(pace, out, 50, 10, 100 / pace.factor());
    }

    public static Result run(Pace pace, Transcript out, int count, int maxConcurrent, double ratePerSecond) {
        try (DelayServer server = DelayServer.start()) {
            List<String> endpoints = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                endpoints.add("/api/resource/" + i);
            }
            long start = System.nanoTime();
            List<ApiResult> results;
            try (Client client = new Client(maxConcurrent, ratePerSecond, server, pace)) {
                results = client.fetchAll(endpoints);
            }
            long elapsed = System.nanoTime() - start;
            long ok = results.stream().filter(r -> "ok".equals(r.status())).count();
            out.println(String.format("%d results, %d ok, in %.2fs: at most %d calls at once (server saw %d), "
                    + "at most %.0f started per second", results.size(), ok, elapsed / 1e9, maxConcurrent,
                    server.peakInFlight(), ratePerSecond));
            return new Result(results, server.peakInFlight(), elapsed, ratePerSecond, out);
        }
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}

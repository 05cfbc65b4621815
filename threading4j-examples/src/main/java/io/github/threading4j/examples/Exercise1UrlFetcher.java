package io.github.threading4j.examples;

import io.github.threading4j.examples.server.DelayServer;
import io.github.threading4j.futures.ThreadPoolExecutor;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercise 1, URL fetcher (tutorial 003): fetch 50 URLs one after another, then with a
 * {@code ThreadPoolExecutor} of ten workers, and compare the wall-clock times.
 *
 * <p>The URLs are on the embedded server, each answering after 0.1 s (the tutorial's "a network call"): one
 * at a time that is 50 × 0.1 s; ten at a time about a tenth of it. The waiting costs no CPU, which is why
 * threads help even in CPython. {@code threading4j fetch} with no URLs runs the same comparison at a larger
 * scale.
 */
public final class Exercise1UrlFetcher {
    private Exercise1UrlFetcher() {}

    static final int URLS = 50;

    /**
     * @param sequentialSizes the body sizes fetched one at a time, in URL order
     * @param concurrentSizes the same with the pool, in URL order
     * @param sequentialPeak  the most requests the server saw at once during the sequential run
     * @param concurrentPeak  the same during the concurrent run
     */
    public record Result(List<Integer> sequentialSizes, List<Integer> concurrentSizes, long sequentialPeak,
            long concurrentPeak, double sequentialSeconds, double concurrentSeconds, Transcript transcript) {}

    public static Result run(Pace pace, Transcript out) {
        try (DelayServer server = DelayServer.start(); HttpClient client = Http.client()) {
            List<URI> urls = new ArrayList<>();
            for (int i = 0; i < URLS; i++) {
                urls.add(server.uri(Http.delayPath(pace, 0.1, "page" + i) + "?size=" + (1000 + i)));
            }

            server.stats(true);
            long start = System.nanoTime();
            List<Integer> sequential = new ArrayList<>();
            for (URI url : urls) {
                sequential.add(Http.urlopen(client, url).size());
            }
            double sequentialSeconds = (System.nanoTime() - start) / 1e9;
            long sequentialPeak = server.peakInFlight();
            out.println(String.format("Sequential: %d URLs in %.2fs", URLS, sequentialSeconds));

            server.stats(true);
            start = System.nanoTime();
            List<Integer> concurrent = new ArrayList<>();
            try (ThreadPoolExecutor executor = new ThreadPoolExecutor(10)) {
                for (int size : executor.map(url -> Http.urlopen(client, url).size(), urls)) {
                    concurrent.add(size);
                }
            }
            double concurrentSeconds = (System.nanoTime() - start) / 1e9;
            long concurrentPeak = server.peakInFlight();
            out.println(String.format("ThreadPoolExecutor(max_workers=10): %d URLs in %.2fs", URLS, concurrentSeconds));
            out.println(String.format("Speedup: %.1fx (the server saw at most %d requests at once, then %d)",
                    sequentialSeconds / concurrentSeconds, sequentialPeak, concurrentPeak));
            return new Result(sequential, concurrent, sequentialPeak, concurrentPeak, sequentialSeconds,
                    concurrentSeconds, out);
        }
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}

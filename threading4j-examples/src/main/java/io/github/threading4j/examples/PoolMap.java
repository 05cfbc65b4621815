package io.github.threading4j.examples;

import io.github.threading4j.examples.server.DelayServer;
import io.github.threading4j.futures.Future;
import io.github.threading4j.futures.ThreadPoolExecutor;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code executor.map} and {@code executor.submit} (tutorials 001, 002 and 003).
 *
 * <ul>
 *   <li>Tutorial 001: {@code executor.map(task, range(10))} on five workers; {@code task} sleeps a second and
 *       returns {@code n * n}; the results come back in input order, [0, 1, 4, …, 81], in about two seconds.
 *   <li>Tutorial 003: twenty GETs, first with {@code map} (status codes in input order), then one
 *       {@code submit} per URL and {@code f.result()} in submission order. Against the embedded server, not
 *       example.com.
 *   <li>Tutorial 002 (end of its GIL section): ten simulated fetches of half a second on five workers take
 *       about one second.
 * </ul>
 *
 * <p>{@code map} returns {@code Results}, an {@code Iterable} that waits for each result in turn; like any
 * executor here, the pool is closed (shut down, waiting) by try-with-resources, Python's {@code with}.
 */
public final class PoolMap {
    private PoolMap() {}

    /**
     * @param squares        tutorial 001's list
     * @param mappedStatuses tutorial 003's {@code map} statuses, in input order
     * @param submittedStatuses tutorial 003's {@code submit} statuses, in submission order
     * @param simulated      tutorial 002's contents, in input order
     */
    public record Result(List<Integer> squares, List<Integer> mappedStatuses, List<Integer> submittedStatuses,
            List<String> simulated, Transcript transcript) {}

    public static Result run(Pace pace, Transcript out) {
        // Tutorial 001
        List<Integer> squares = new ArrayList<>();
        try (ThreadPoolExecutor executor = new ThreadPoolExecutor(5)) {
            for (int square : executor.map(n -> task(n, pace), IntStream.range(0, 10).boxed().toList())) {
                squares.add(square);
            }
        }
        out.println(squares.toString());

        // Tutorial 003
        List<Integer> mapped = new ArrayList<>();
        List<Integer> submitted = new ArrayList<>();
        try (DelayServer server = DelayServer.start(); HttpClient client = Http.client()) {
            List<URI> urls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                urls.add(server.uri(Http.delayPath(pace, 0.1, "example.com/" + i)));
            }
            try (ThreadPoolExecutor ex = new ThreadPoolExecutor(10)) {
                // map: in input order
                for (int status : ex.map(u -> Http.get(client, u).status(), urls)) {
                    out.println(Integer.toString(status));
                    mapped.add(status);
                }
                // Or submit individually for finer control
                List<Future<Http.Page>> futures = new ArrayList<>();
                for (URI u : urls) {
                    futures.add(ex.submit(() -> Http.get(client, u)));
                }
                for (Future<Http.Page> f : futures) {
                    out.println(Integer.toString(f.result().status()));
                    submitted.add(f.result().status());
                }
            }
        }

        // Tutorial 002
        List<String> urls = IntStream.range(0, 10).mapToObj(i -> "http://example.com/" + i).toList();
        long start = System.nanoTime();
        List<String> results = new ArrayList<>();
        try (ThreadPoolExecutor executor = new ThreadPoolExecutor(5)) {
            executor.map(url -> fetchUrlSimulation(url, pace), urls).forEach(results::add);
        }
        double poolTime = (System.nanoTime() - start) / 1e9;
        out.println(String.format("ThreadPoolExecutor: %.2fs", poolTime));
        out.println("Fetched " + results.size() + " URLs");
        return new Result(squares, mapped, submitted, results, out);
    }

    static int task(int n, Pace pace) {
        pace.sleep(1);
        return n * n;
    }

    static String fetchUrlSimulation(String url, Pace pace) {
        pace.sleep(0.5);
        return "Content from " + url;
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}

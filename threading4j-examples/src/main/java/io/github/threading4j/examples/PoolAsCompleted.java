package io.github.threading4j.examples;

import io.github.threading4j.examples.server.DelayServer;
import io.github.threading4j.futures.Future;
import io.github.threading4j.futures.Futures;
import io.github.threading4j.futures.ThreadPoolExecutor;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * Thread pool with {@code submit} and {@code as_completed} (tutorial 000): fetch a few URLs on five workers
 * and handle each result, or its error, as soon as it arrives.
 *
 * <p>The tutorial fetches python.org, pypi.org and docs.python.org; this one fetches from the embedded server on
 * 127.0.0.1, with the same three names, different sizes and latencies, and one URL that fails (HTTP 500) to show
 * the {@code except} branch. {@code future.result()} rethrows the task's exception wrapped in a
 * {@link CompletionException} (the JDK's wrapper for "the computation failed"), whose cause is the original.
 * The map from future to URL relies on identity, as Python's dict does: a {@link Future} is equal only to
 * itself.
 */
public final class PoolAsCompleted {
    private PoolAsCompleted() {}

    /** @param outcomes URL path → "N bytes" or "Error - ...", in completion order */
    public record Result(Map<String, String> outcomes, List<String> expectedSizes, Transcript transcript) {}

    record Fetched(URI url, int size) {}

    public static Result run(Pace pace, Transcript out) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        try (DelayServer server = DelayServer.start(); HttpClient client = Http.client()) {
            List<URI> urls = List.of(
                    server.uri(Http.delayPath(pace, 0.3, "python.org") + "?size=51234"),
                    server.uri(Http.delayPath(pace, 0.1, "pypi.org") + "?size=24567"),
                    server.uri(Http.delayPath(pace, 0.2, "docs.python.org") + "?size=12345"),
                    server.uri("/status/500"));

            try (ThreadPoolExecutor executor = new ThreadPoolExecutor(5)) {
                Map<Future<Fetched>, URI> futures = new LinkedHashMap<>();
                for (URI url : urls) {
                    futures.put(executor.submit(() -> fetchUrl(client, url)), url);
                }
                for (Future<Fetched> future : Futures.asCompleted(futures.keySet())) {
                    URI url = futures.get(future);
                    try {
                        Fetched fetched = future.result();
                        out.println(url + ": " + fetched.size() + " bytes");
                        outcomes.put(url.getPath(), fetched.size() + " bytes");
                    } catch (CompletionException e) {
                        out.println(url + ": Error - " + e.getCause().getMessage());
                        outcomes.put(url.getPath(), "Error - " + e.getCause().getMessage());
                    }
                }
            }
        }
        return new Result(outcomes, List.of("51234 bytes", "24567 bytes", "12345 bytes"), out);
    }

    static Fetched fetchUrl(HttpClient client, URI url) {
        Http.Page page = Http.urlopen(client, url);
        return new Fetched(url, page.size());
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}

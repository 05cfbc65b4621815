package io.github.threading4j.examples;

import io.github.threading4j.Lock;
import io.github.threading4j.Threading;
import io.github.threading4j.examples.server.DelayServer;
import io.github.threading4j.queue.Empty;
import io.github.threading4j.queue.Queue;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Practical example, a web scraper (tutorial 002): ten URLs in a queue, three worker threads taking them,
 * results appended to a list under a lock; {@code url_queue.join()} waits until every URL is done.
 *
 * <p>The tutorial simulates each fetch with a random sleep of 0.5–1.5 s; here each is a real GET to the embedded
 * server, which answers after that random latency. All URLs are queued before the workers start, so a worker
 * that finds the queue empty for a second may stop: nothing more will come. {@code taskDone()} runs in
 * {@code finally}, so a failed fetch cannot leave {@code join()} waiting forever.
 */
public final class WebScraper {
    private WebScraper() {}

    /** @param results the contents fetched, one per URL */
    public record Result(List<String> results, int urls, Transcript transcript) {}

    public static Result run(Pace pace, Transcript out) {
        Queue<URI> urlQueue = new Queue<>();
        List<String> results = new ArrayList<>(); // guarded by resultsLock
        Lock resultsLock = new Lock();
        Random random = new Random();

        try (DelayServer server = DelayServer.start(); HttpClient client = Http.client()) {
            // Add URLs to queue
            for (int i = 0; i < 10; i++) {
                double latency = 0.5 + random.nextDouble(); // random.uniform(0.5, 1.5)
                urlQueue.put(server.uri(Http.delayPath(pace, latency, "page" + i)), true);
            }
            // Create worker threads
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                Thread t = Threading.thread(() -> {
                    while (true) {
                        URI url;
                        try {
                            url = urlQueue.get(pace.seconds(1));
                        } catch (Empty e) {
                            break;
                        }
                        try {
                            out.println("Fetching " + url.getPath());
                            String content = "Content from " + url.getPath() + ": " + Http.get(client, url).body().strip();
                            try (var held = resultsLock.hold()) {
                                results.add(content);
                            }
                        } finally {
                            urlQueue.taskDone();
                        }
                    }
                });
                t.start();
                workers.add(t);
            }
            // Wait for all URLs to be processed
            urlQueue.join();
            // Wait for workers to finish
            workers.forEach(Threading::join);
        }
        List<String> fetched;
        try (var held = resultsLock.hold()) {
            fetched = List.copyOf(results);
        }
        out.println();
        out.println("Fetched " + fetched.size() + " URLs");
        return new Result(fetched, 10, out);
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}

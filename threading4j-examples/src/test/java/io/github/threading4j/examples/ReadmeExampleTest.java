package io.github.threading4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.threading4j.Lock;
import io.github.threading4j.futures.Future;
import io.github.threading4j.futures.Futures;
import io.github.threading4j.futures.ThreadPoolExecutor;
import io.github.threading4j.queue.Queue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's example, compiled and run, so that the README never shows code that does not work. */
class ReadmeExampleTest {

    /** The example's pool computes every square once, asCompleted yields each, and the queue is drained. */
    @Test
    void readmeExampleRuns() throws Exception {
        // --- README example: begin
        var lock = new Lock();
        var total = new long[1];
        var results = new Queue<Integer>(100);               // queue.Queue(maxsize=100)
        try (var pool = new ThreadPoolExecutor(4)) {         // with ThreadPoolExecutor(4) as pool:
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int n = i;
                futures.add(pool.submit(() -> n * n));        // pool.submit(square, n)
            }
            for (var f : Futures.asCompleted(futures)) {      // as_completed(futures)
                try (var held = lock.hold()) {                // with lock:
                    total[0] += f.result();
                }
                results.put(f.result());
            }
        }
        results.shutdown();                                   // no None sentinel: get() drains, then ShutDown
        // --- README example: end
        assertEquals(285, total[0]);
        assertEquals(10, results.qsize());
    }
}

package io.github.threading4j.examples;

import static io.github.threading4j.examples.TestPace.FAST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The queue examples: every item delivered exactly once, join() returns, the orders are right. */
class QueueExamplesTest {

    /** Items 1 to 5 are each processed once, and join() returned before the program went on. */
    @Test
    void producerConsumer() {
        var r = QueueProducerConsumer.run(FAST, Transcript.silent());
        assertEquals(List.of(1, 2, 3, 4, 5), r.processed().stream().sorted().toList());
        assertTrue(r.joined());
        Transcript t = r.transcript();
        assertTrue(t.indexOf("All tasks completed") > t.indexOf("Producer: Done"));
        assertTrue(t.printed("Consumer 1: Queue empty, exiting") && t.printed("Consumer 2: Queue empty, exiting"));
    }

    /** The sentinel variant delivers 0..9 in order through a queue of three; the shutdown variant 0..999. */
    @Test
    void boundedSentinelAndShutdown() {
        var r = QueueBoundedSentinel.run(FAST, Transcript.silent());
        assertEquals(IntStream.range(0, 10).boxed().toList(), r.consumedWithSentinel());
        assertTrue(r.maxQueued() <= 3, "qsize " + r.maxQueued());
        assertTrue(r.joinedWithSentinel());
        assertEquals(IntStream.range(0, 1000).boxed().toList(), r.consumedWithShutdown());
        assertTrue(r.joinedWithShutdown());
    }

    /** Tasks come out by priority: 1, 2, 3. */
    @Test
    void priorityQueue() {
        var r = PriorityQueueExample.run(FAST, Transcript.silent());
        assertEquals(List.of(1, 2, 3), r.processed().stream().map(PriorityQueueExample.Task::priority).toList());
        assertEquals("Processing: High priority task", r.transcript().lines().get(3));
    }

    /** The LIFO queue yields 4, 3, 2, 1, 0. */
    @Test
    void lifoQueue() {
        assertEquals(List.of(4, 3, 2, 1, 0), LifoQueueExample.run(FAST, Transcript.silent()).order());
    }

    /** Exercise 3: every item of every producer is processed exactly once, every consumer stops, join returns. */
    @Test
    void exercise3ProducerConsumer() {
        var r = Exercise3ProducerConsumer.run(FAST, Transcript.silent());
        int total = Exercise3ProducerConsumer.PRODUCERS * Exercise3ProducerConsumer.ITEMS_PER_PRODUCER;
        assertEquals(total, r.processedCount().size());
        assertTrue(r.processedCount().values().stream().allMatch(n -> n == 1), "some item processed twice");
        assertEquals(Exercise3ProducerConsumer.CONSUMERS, r.perConsumer().size(), "every consumer stopped");
        assertEquals(total, r.perConsumer().values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(r.joined());
    }

    /** The scraper fetches each of its ten URLs exactly once over real HTTP. */
    @Test
    void webScraper() {
        var r = WebScraper.run(FAST, Transcript.silent());
        assertEquals(10, r.results().size());
        List<String> expected = IntStream.range(0, 10).mapToObj(i -> "ok page" + i).sorted().toList();
        assertEquals(expected, r.results().stream().map(s -> s.substring(s.indexOf(": ") + 2)).sorted().toList());
        assertTrue(r.transcript().printed("Fetched 10 URLs"));
    }
}

package io.github.threading4j.examples;

import static io.github.threading4j.examples.TestPace.FAST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The executor examples, against the embedded server on 127.0.0.1. */
class FuturesExamplesTest {

    /** Each URL is reported once, with its real size, and the failing one as an error. */
    @Test
    void poolAsCompleted() {
        var r = PoolAsCompleted.run(FAST, Transcript.silent());
        assertEquals(4, r.outcomes().size());
        assertEquals("51234 bytes", r.outcomes().get("/delay/3/python.org"));
        assertEquals("24567 bytes", r.outcomes().get("/delay/1/pypi.org"));
        assertEquals("12345 bytes", r.outcomes().get("/delay/2/docs.python.org"));
        assertTrue(r.outcomes().get("/status/500").startsWith("Error - HTTP Error 500"), r.outcomes().toString());
    }

    /** map returns results in input order; submit-then-result too. */
    @Test
    void poolMap() {
        var r = PoolMap.run(FAST, Transcript.silent());
        assertEquals(List.of(0, 1, 4, 9, 16, 25, 36, 49, 64, 81), r.squares());
        assertEquals(Collections.nCopies(20, 200), r.mappedStatuses());
        assertEquals(Collections.nCopies(20, 200), r.submittedStatuses());
        assertEquals(IntStream.range(0, 10).mapToObj(i -> "Content from http://example.com/" + i).toList(), r.simulated());
    }

    /**
     * All 50 calls succeed, the server never sees more than the pool's 10 at once, and the token bucket spaces
     * the starts: 50 calls at 200 per second (burst 1) cannot finish in less than 49/200 s, however fast the
     * server answers.
     */
    @Test
    void apiClient() {
        var r = ApiClient.run(FAST, Transcript.silent(), 50, 10, 200);
        assertEquals(50, r.results().size());
        assertTrue(r.results().stream().allMatch(x -> "ok".equals(x.status()) && x.error() == null), r.results().toString());
        assertEquals(50, r.results().stream().map(ApiClient.ApiResult::endpoint).distinct().count());
        assertTrue(r.peakInFlight() <= 10, "peak " + r.peakInFlight());
        assertTrue(r.elapsedNanos() >= 49 * 1_000_000_000L / 200, "elapsed " + r.elapsedNanos() + " ns");
        assertNull(r.results().get(0).error());
    }

    /** Exercise 1: both runs fetch the same 50 bodies; the sequential one never has two requests in flight. */
    @Test
    void exercise1UrlFetcher() {
        var r = Exercise1UrlFetcher.run(FAST, Transcript.silent());
        List<Integer> sizes = IntStream.range(0, 50).map(i -> 1000 + i).boxed().toList();
        assertEquals(sizes, r.sequentialSizes());
        assertEquals(sizes, r.concurrentSizes());
        assertEquals(1, r.sequentialPeak());
        assertTrue(r.concurrentPeak() >= 1 && r.concurrentPeak() <= 10, "peak " + r.concurrentPeak());
    }
}

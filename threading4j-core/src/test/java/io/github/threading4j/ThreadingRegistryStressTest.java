package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.ThreadKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The thread registry under churn: four starters each start and join 250 threads (both kinds, plus foreign
 * threads that call currentThread()) while a reader enumerates without pause. Every thread must see itself
 * listed while it runs, and none may be listed after it was joined.
 */
class ThreadingRegistryStressTest {

    private static final int STARTERS = 4;
    private static final int PER_STARTER = 250;

    @Test
    void registryUnderChurn() {
        Set<Thread> made = ConcurrentHashMap.newKeySet();
        AtomicInteger notListedWhileRunning = new AtomicInteger();
        AtomicInteger listedAfterJoin = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger snapshots = new AtomicInteger();
        Thread reader = ThreadKind.PLATFORM.start(() -> {
            while (!stop.get()) {
                Threading.enumerate();
                snapshots.incrementAndGet();
            }
        });
        List<Thread> starters = new ArrayList<>();
        for (int s = 0; s < STARTERS; s++) {
            int starter = s;
            starters.add(Threading.thread(() -> {
                for (int i = 0; i < PER_STARTER; i++) {
                    Runnable body = () -> {
                        Thread self = Threading.currentThread(); // first: a foreign thread registers here
                        if (!Threading.enumerate().contains(self)) {
                            notListedWhileRunning.incrementAndGet();
                        }
                    };
                    Thread t = switch ((starter + i) % 3) {
                        case 0 -> Threading.thread(body);
                        case 1 -> Threading.virtualThread(body);
                        default -> ThreadKind.VIRTUAL.unstarted(body); // foreign: registers in currentThread()
                    };
                    made.add(t);
                    t.start();
                    Threading.join(t);
                    if (Threading.enumerate().contains(t)) {
                        listedAfterJoin.incrementAndGet();
                    }
                }
            }));
        }
        starters.forEach(Thread::start);
        starters.forEach(Threading::join);
        stop.set(true);
        Threading.join(reader);

        assertEquals(STARTERS * PER_STARTER, made.size());
        assertEquals(0, notListedWhileRunning.get(), "threads not listed while running");
        assertEquals(0, listedAfterJoin.get(), "threads listed after join");
        List<Thread> listed = Threading.enumerate();
        assertTrue(Collections.disjoint(listed, made), "ended threads still listed");
        for (Thread t : starters) {
            assertFalse(listed.contains(t));
        }
        assertTrue(snapshots.get() > 0);
    }
}

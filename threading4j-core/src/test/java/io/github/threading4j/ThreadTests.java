package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.ChildJvm;
import io.github.threading4j.support.ThreadKind;
import io.github.threading4j.support.Threads;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Port of CPython's {@code test_threading.ThreadTests}: threads made by {@link Threading}, on both kinds. */
class ThreadTests {

    private static final Pattern DEFAULT_NAME = Pattern.compile("Thread-(\\d+)");

    private static int nameNumber(String name) {
        Matcher m = DEFAULT_NAME.matcher(name);
        assertTrue(m.matches(), "default name: " + name);
        return Integer.parseInt(m.group(1));
    }

    /** Default names are Thread-N from one counter shared by both kinds; an explicit name is kept. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void testName(ThreadKind kind) {
        Thread first = NewThreads.of(kind, () -> {});
        Thread other = NewThreads.of(kind == ThreadKind.PLATFORM ? ThreadKind.VIRTUAL : ThreadKind.PLATFORM, () -> {});
        Thread third = NewThreads.of(kind, () -> {});
        int n = nameNumber(first.getName());
        assertTrue(n >= 1);
        // One counter, taken at creation: three threads made in a row get increasing numbers, whatever the
        // kind (other threads may take numbers in between).
        assertTrue(nameNumber(other.getName()) > n, other.getName());
        assertTrue(nameNumber(third.getName()) > nameNumber(other.getName()), third.getName());

        Thread named = NewThreads.of(kind, () -> {});
        named.setName("myname1");
        assertEquals("myname1", named.getName());
        named.start();
        Threading.join(named);
        assertEquals("myname1", named.getName());
    }

    @AfterEach
    void resetStackSize() {
        Threading.stackSize(0);
    }

    /**
     * CPython's TestThread body: under a BoundedSemaphore(3), count this thread as running (under an RLock),
     * check that at most 3 run, do a little work, count it out.
     */
    private static void variousOpsBody(BoundedSemaphore sema, RLock mutex, AtomicInteger numrunning,
            AtomicInteger maxRunning, List<Throwable> failures) {
        try (var permit = sema.hold()) {
            try (var held = mutex.hold()) {
                int running = numrunning.incrementAndGet();
                maxRunning.accumulateAndGet(running, Math::max);
                assertTrue(running <= 3, running + " threads running under BoundedSemaphore(3)");
            }
            for (int i = 0; i < 10; i++) {
                Thread.yield(); // the "work": give the others a chance to run meanwhile
            }
            try (var held = mutex.hold()) {
                int running = numrunning.decrementAndGet();
                assertTrue(running >= 0);
            }
        } catch (Throwable e) {
            synchronized (failures) {
                failures.add(e);
            }
        }
    }

    /** Ten threads under a BoundedSemaphore(3): at most three run at once, all end, idents stay readable. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void testVariousOps(ThreadKind kind) {
        variousOps(kind);
    }

    private static void variousOps(ThreadKind kind) {
        final int numtasks = 10;
        BoundedSemaphore sema = new BoundedSemaphore(3);
        RLock mutex = new RLock();
        AtomicInteger numrunning = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        List<Throwable> failures = new ArrayList<>();
        List<OptionalLong> nativeIds = new ArrayList<>();
        CountDownLatch allStarted = new CountDownLatch(numtasks);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < numtasks; i++) {
            Thread t = NewThreads.of(kind, () -> {
                OptionalLong id = Threading.getNativeId();
                synchronized (nativeIds) {
                    nativeIds.add(id);
                }
                allStarted.countDown();
                Threads.await(allStarted, "all tasks to start"); // all alive at once: OS ids are distinct
                variousOpsBody(sema, mutex, numrunning, maxRunning, failures);
            });
            t.setName("<thread " + i + ">");
            assertTrue(t.threadId() > 0, "the JVM assigns the ident at creation");
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            Threading.join(t);
            assertFalse(t.isAlive());
            assertTrue(t.threadId() > 0);
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.get(0));
        }
        assertEquals(0, numrunning.get());
        assertTrue(maxRunning.get() >= 1 && maxRunning.get() <= 3, "max running " + maxRunning.get());
        if (kind == ThreadKind.PLATFORM && Threading.getNativeId().isPresent()) {
            Set<Long> ids = new HashSet<>();
            nativeIds.forEach(id -> ids.add(id.orElseThrow()));
            ids.add(Threading.getNativeId().getAsLong());
            assertEquals(numtasks + 1, ids.size(), "native ids " + ids);
        } else if (kind == ThreadKind.VIRTUAL) {
            assertTrue(nativeIds.stream().allMatch(OptionalLong::isEmpty), "virtual threads have no native id");
        }
    }

    /** The various-ops body on platform threads made with a 256 KiB stack. */
    @Test
    void testVariousOpsSmallStack() {
        Threading.stackSize(262_144);
        variousOps(ThreadKind.PLATFORM);
        Threading.stackSize(0);
    }

    /** The various-ops body on platform threads made with a 1 MiB stack. */
    @Test
    void testVariousOpsLargeStack() {
        Threading.stackSize(0x100000);
        variousOps(ThreadKind.PLATFORM);
        Threading.stackSize(0);
    }

    /** A BoundedSemaphore released more often than acquired throws IllegalArgumentException. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void testBoundedSemaphoreLimit(ThreadKind kind) {
        for (int limit = 1; limit < 10; limit++) {
            BoundedSemaphore bs = new BoundedSemaphore(limit);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < limit; i++) {
                threads.add(NewThreads.start(kind, bs::acquire));
            }
            threads.forEach(Threading::join);
            threads.clear();
            for (int i = 0; i < limit; i++) {
                threads.add(NewThreads.start(kind, bs::release));
            }
            threads.forEach(Threading::join);
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, bs::release);
        }
    }

    /** A thread not made by threading4j gets its ident from Threading.getIdent(), equal to its threadId. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void testIdentOfNoThreadingThreads(ThreadKind kind) {
        assertTrue(Threading.getIdent() > 0);
        assertEquals(Threading.currentThread().threadId(), Threading.getIdent());
        AtomicLong ident = new AtomicLong();
        Thread foreign = kind.start(() -> ident.set(Threading.getIdent()));
        Threads.join(foreign);
        assertEquals(foreign.threadId(), ident.get());
        assertNotEquals(Threading.getIdent(), ident.get());
    }

    /** A foreign thread that called currentThread() is listed while alive, and no more once it ended. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void testForeignThread(ThreadKind kind) {
        CountDownLatch called = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread foreign = kind.start(() -> {
            Threading.currentThread();
            called.countDown();
            Threads.await(release, "release");
        });
        Threads.await(called, "currentThread() in the foreign thread");
        assertTrue(Threading.enumerate().contains(foreign), "a foreign thread that called currentThread()");
        assertTrue(foreign.isAlive());
        release.countDown();
        Threading.join(foreign); // allowed on the JVM, unlike CPython's dummy threads
        assertFalse(foreign.isAlive());
        assertFalse(Threading.enumerate().contains(foreign), "an ended foreign thread");
    }

    /** Exit waits for a non-daemon thread still running when main returns; nothing is torn down before it. */
    @Test
    void testJoinNondaemonOnShutdown() {
        ChildJvm.Result r = ChildJvm.run(JoinNondaemonOnShutdownMain.class);
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("Woke up, main ended: true" + System.lineSeparator(), r.stdout(), r::toString);
        assertEquals("", r.stderr(), r::toString);
    }

    /** Child: main starts a non-daemon thread that outlives it and then prints. */
    static final class JoinNondaemonOnShutdownMain {
        public static void main(String[] args) {
            Thread main = Threading.currentThread();
            Threading.thread(() -> {
                Threading.join(main);
                // As a non-daemon thread we are still running, and System.out still works.
                System.out.println("Woke up, main ended: " + !main.isAlive());
            }).start();
        }
    }

    /** A joined thread is never in enumerate(). */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void testEnumerateAfterJoin(ThreadKind kind) {
        for (int i = 1; i < 100; i++) {
            Thread t = NewThreads.start(kind, () -> {});
            Threading.join(t);
            List<Thread> l = Threading.enumerate();
            assertFalse(l.contains(t), "#1703448 triggered after " + i + " trials: " + l);
        }
    }

    /** Many threads may join one thread at once. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void testJoinFromMultipleThreads(ThreadKind kind) {
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        for (int n = 2; n < 20; n++) {
            CountDownLatch release = new CountDownLatch(1);
            Thread worker = NewThreads.start(kind, () -> Threads.await(release, "release"));
            List<Thread> joiners = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                joiners.add(NewThreads.start(kind, () -> {
                    try {
                        Threading.join(worker);
                        assertFalse(worker.isAlive());
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }));
            }
            Threads.waitBlocked(joiners);
            release.countDown();
            for (Thread t : joiners) {
                Threading.join(t);
            }
            Threading.join(worker);
            if (!errors.isEmpty()) {
                throw new AssertionError(errors.peek());
            }
        }
    }

    /** join(t, timeout) returns when the time is up; the caller learns the outcome from isAlive(). */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void testJoinWithTimeout(ThreadKind kind) {
        CountDownLatch release = new CountDownLatch(1);
        Thread thread = NewThreads.start(kind, () -> Threads.await(release, "release"));
        Threading.join(thread, java.time.Duration.ofMillis(10));
        assertTrue(thread.isAlive());
        release.countDown();
        Threading.join(thread);
        assertFalse(thread.isAlive());
    }

    /** Daemon status is inherited from the creating thread and can be set before start. */
    @Test
    void testDaemonParam() {
        assertFalse(Threading.currentThread().isDaemon(), "tests run on the (non-daemon) main thread");
        Thread t = Threading.thread(() -> {});
        assertFalse(t.isDaemon());
        t = Threading.thread(() -> {});
        t.setDaemon(false);
        assertFalse(t.isDaemon());
        t = Threading.thread(() -> {});
        t.setDaemon(true);
        assertTrue(t.isDaemon());

        // created by a daemon thread: a daemon, as CPython's daemon=None
        Thread[] made = new Thread[2];
        Thread daemonCreator = Threading.thread(() -> {
            made[0] = Threading.thread(() -> {});
            made[1] = Threading.virtualThread(() -> {});
        });
        daemonCreator.setDaemon(true);
        daemonCreator.start();
        Threading.join(daemonCreator);
        assertTrue(made[0].isDaemon());
        assertTrue(made[1].isDaemon());
        // a virtual creator is a daemon too
        Thread[] fromVirtual = new Thread[1];
        Thread v = NewThreads.start(ThreadKind.VIRTUAL, () -> fromVirtual[0] = Threading.thread(() -> {}));
        Threading.join(v);
        assertTrue(fromVirtual[0].isDaemon());
        assertFalse(fromVirtual[0].isVirtual());
    }

    /** mainThread() is the JVM's main thread ("main", not "MainThread"); other threads are not it. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void testMainThread(ThreadKind kind) {
        Thread main = Threading.mainThread();
        assertEquals("main", main.getName());
        assertSame(Threading.currentThread(), main, "surefire runs the tests on the main thread");
        assertEquals(main.threadId(), Threading.currentThread().threadId());
        assertEquals(main.threadId(), Threading.getIdent());

        AtomicBoolean differs = new AtomicBoolean();
        Thread th = NewThreads.start(kind, () ->
                differs.set(Threading.mainThread().threadId() != Threading.currentThread().threadId()));
        Threading.join(th);
        assertTrue(differs.get());
    }
}

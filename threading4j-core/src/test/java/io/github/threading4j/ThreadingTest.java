package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.ChildJvm;
import io.github.threading4j.support.ThreadKind;
import io.github.threading4j.support.Threads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** threading4j's own thread functions beyond CPython's tests: registry, factories, join edges, native ids. */
class ThreadingTest {

    @AfterEach
    void restore() {
        Threading.setExcepthook(null);
        Threading.stackSize(0);
    }

    /** enumerate() lists a running thread of either kind and the main thread; not unstarted or ended ones. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void enumerateListsRunningThreadsOnly(ThreadKind kind) {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread t = NewThreads.of(kind, () -> {
            running.countDown();
            Threads.await(release, "release");
        });
        assertFalse(Threading.enumerate().contains(t), "unstarted");
        t.start();
        Threads.await(running, "the thread to run");
        List<Thread> listed = Threading.enumerate();
        assertTrue(listed.contains(t), "running");
        assertTrue(listed.contains(Threading.mainThread()), "main");
        assertEquals(listed.size(), Threading.activeCount() , "activeCount() = enumerate().size() here");
        release.countDown();
        Threading.join(t);
        assertFalse(Threading.enumerate().contains(t), "ended");
    }

    /** A thread not made by threading4j that never called currentThread() is not listed. */
    @Test
    void enumerateOmitsUnregisteredForeignThreads() {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread foreign = ThreadKind.PLATFORM.start(() -> {
            running.countDown();
            Threads.await(release, "release");
        });
        Threads.await(running, "the foreign thread");
        assertFalse(Threading.enumerate().contains(foreign));
        release.countDown();
        Threads.join(foreign);
    }

    /** The excepthook runs while the failing thread is still listed, as in CPython; the join sees it done. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void excepthookRunsWhileThreadIsListed(ThreadKind kind) {
        AtomicBoolean listedInHook = new AtomicBoolean();
        AtomicReference<Thread> hookThread = new AtomicReference<>();
        Threading.setExcepthook(args -> {
            hookThread.set(Thread.currentThread());
            listedInHook.set(Threading.enumerate().contains(args.thread()));
        });
        Thread t = NewThreads.start(kind, () -> {
            throw new IllegalStateException("boom");
        });
        Threading.join(t);
        assertTrue(listedInHook.get());
        assertSame(t, hookThread.get(), "the hook runs in the failing thread");
        assertFalse(Threading.enumerate().contains(t));
    }

    /** An uncaught-exception handler the user sets on a threading4j thread replaces the excepthook. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void userUncaughtExceptionHandlerIsHonoured(ThreadKind kind) {
        AtomicReference<Throwable> hooked = new AtomicReference<>();
        Threading.setExcepthook(args -> hooked.set(args.excValue()));
        AtomicReference<Throwable> handled = new AtomicReference<>();
        Thread t = NewThreads.of(kind, () -> {
            throw new IllegalStateException("boom");
        });
        t.setUncaughtExceptionHandler((thread, e) -> handled.set(e));
        t.start();
        Threading.join(t);
        assertEquals("boom", handled.get().getMessage());
        assertNull(hooked.get());
    }

    /** Calling run() directly runs the target in the caller and leaves the caller's registration alone. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void directRunCallsTargetInCaller(ThreadKind kind) {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Thread> ranIn = new AtomicReference<>();
        AtomicBoolean stillListed = new AtomicBoolean();
        Thread outer = NewThreads.start(kind, () -> {
            Thread inner = Threading.thread(() -> ranIn.set(Thread.currentThread()));
            inner.run();
            stillListed.set(Threading.enumerate().contains(Thread.currentThread()));
            done.countDown();
        });
        Threads.await(done, "outer");
        Threading.join(outer);
        assertSame(outer, ranIn.get());
        assertTrue(stillListed.get());
        // and an exception of a direct run() reaches the caller, as in CPython
        Thread failing = Threading.thread(() -> {
            throw new IllegalStateException("direct");
        });
        assertEquals("direct", assertThrows(IllegalStateException.class, failing::run).getMessage());
    }

    /** Null targets are rejected, naming the parameter. */
    @Test
    void nullTargetIsRejected() {
        assertEquals("target", assertThrows(NullPointerException.class, () -> Threading.thread(null)).getMessage());
        assertEquals("target",
                assertThrows(NullPointerException.class, () -> Threading.virtualThread(null)).getMessage());
    }

    /** virtualThread() makes an unstarted virtual daemon thread; setDaemon(false) is the JDK's error. */
    @Test
    void virtualThreadIsVirtualDaemon() {
        Thread v = Threading.virtualThread(() -> {});
        assertTrue(v.isVirtual());
        assertTrue(v.isDaemon());
        assertEquals(Thread.State.NEW, v.getState());
        assertThrows(IllegalArgumentException.class, () -> v.setDaemon(false));
        Thread p = Threading.thread(() -> {});
        assertFalse(p.isVirtual());
        assertEquals(Thread.State.NEW, p.getState());
    }

    /** Thread factories name prefix_0, prefix_1 ..., register while running and route exceptions to the hook. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void threadFactoryDefaults(ThreadKind kind) {
        ThreadFactory factory = kind == ThreadKind.PLATFORM
                ? Threading.threadFactory("pool") : Threading.virtualThreadFactory("pool");
        AtomicReference<ExceptHookArgs> hooked = new AtomicReference<>();
        Threading.setExcepthook(hooked::set);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread a = factory.newThread(() -> {
            running.countDown();
            Threads.await(release, "release");
            throw new IllegalStateException("task failed");
        });
        Thread b = factory.newThread(() -> {});
        assertEquals("pool_0", a.getName());
        assertEquals("pool_1", b.getName());
        assertEquals(kind == ThreadKind.VIRTUAL, a.isVirtual());
        assertEquals(Thread.State.NEW, a.getState());
        assertFalse(a.isDaemon() && kind == ThreadKind.PLATFORM, "inherits the (non-daemon) creator's status");
        a.start();
        Threads.await(running, "the factory thread");
        assertTrue(Threading.enumerate().contains(a));
        release.countDown();
        Threading.join(a);
        assertSame(a, hooked.get().thread());
        assertEquals("task failed", hooked.get().excValue().getMessage());
        assertFalse(Threading.enumerate().contains(a));
        // a second factory counts from 0 again (CPython: per executor)
        assertEquals("other_0", Threading.threadFactory("other").newThread(() -> {}).getName());
        assertThrows(NullPointerException.class, () -> Threading.threadFactory(null));
    }

    /** join with a zero or negative timeout only polls; a timeout beyond TIMEOUT_MAX is an ArithmeticException. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void joinTimeoutEdges(ThreadKind kind) {
        CountDownLatch release = new CountDownLatch(1);
        Thread t = NewThreads.start(kind, () -> Threads.await(release, "release"));
        try {
            Threading.join(t, Duration.ZERO);
            assertTrue(t.isAlive());
            Threading.join(t, Duration.ofSeconds(-5));
            assertTrue(t.isAlive());
            ArithmeticException e = assertThrows(ArithmeticException.class,
                    () -> Threading.join(t, Threading.TIMEOUT_MAX.plusNanos(1)));
            assertEquals("timeout value is too large", e.getMessage());
            Thread.currentThread().interrupt();
            try {
                Threading.join(t, Duration.ZERO); // cannot wait: ignores the interrupt status
                assertTrue(Thread.currentThread().isInterrupted());
            } finally {
                Thread.interrupted();
            }
        } finally {
            release.countDown();
        }
        Threading.join(t, Threading.TIMEOUT_MAX);
        assertFalse(t.isAlive());
    }

    /** An interrupt on entry or while waiting ends join with UncheckedInterruptedException, status kept. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void joinIsInterruptible(ThreadKind kind) {
        CountDownLatch release = new CountDownLatch(1);
        Thread target = NewThreads.start(kind, () -> Threads.await(release, "release"));
        try {
            Thread.currentThread().interrupt();
            try {
                assertThrows(UncheckedInterruptedException.class, () -> Threading.join(target));
                assertTrue(Thread.currentThread().isInterrupted(), "status kept");
            } finally {
                Thread.interrupted();
            }
            for (Duration timeout : new Duration[] {null, Duration.ofMinutes(5)}) {
                AtomicReference<Throwable> thrown = new AtomicReference<>();
                AtomicBoolean statusKept = new AtomicBoolean();
                Thread joiner = NewThreads.start(kind, () -> {
                    try {
                        Threading.join(target, timeout);
                    } catch (Throwable e) {
                        thrown.set(e);
                        statusKept.set(Thread.currentThread().isInterrupted());
                    }
                });
                Threads.waitBlocked(joiner);
                joiner.interrupt();
                Threading.join(joiner);
                assertTrue(thrown.get() instanceof UncheckedInterruptedException, String.valueOf(thrown.get()));
                assertTrue(((UncheckedInterruptedException) thrown.get()).getCause() instanceof InterruptedException);
                assertTrue(statusKept.get());
                assertTrue(target.isAlive());
            }
        } finally {
            release.countDown();
        }
        Threading.join(target);
    }

    /** A platform thread has an OS thread id (Linux: one of this process's tasks); a virtual thread has none. */
    @Test
    void nativeIds() throws Exception {
        OptionalLong mine = Threading.getNativeId();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return; // not Linux: nothing to check against
        }
        assertTrue(mine.isPresent());
        assertTrue(mine.getAsLong() > 0);
        assertTrue(Files.isDirectory(tasks.resolve(Long.toString(mine.getAsLong()))), "a task of this process");
        assertEquals(mine, Threading.getNativeId(), "stable");

        AtomicReference<OptionalLong> other = new AtomicReference<>();
        Thread p = Threading.thread(() -> other.set(Threading.getNativeId()));
        p.start();
        Threading.join(p);
        assertTrue(other.get().isPresent());
        assertNotEquals(mine.getAsLong(), other.get().getAsLong());

        AtomicReference<OptionalLong> virtual = new AtomicReference<>();
        Thread v = Threading.virtualThread(() -> virtual.set(Threading.getNativeId()));
        v.start();
        Threading.join(v);
        assertEquals(OptionalLong.empty(), virtual.get());
    }

    /** stackSize validates as CPython's stack_size and returns the previous value. */
    @Test
    void stackSizeValidation() {
        assertEquals(0, Threading.stackSize());
        assertEquals("size must be 0 or a positive value",
                assertThrows(IllegalArgumentException.class, () -> Threading.stackSize(-1)).getMessage());
        assertEquals("size not valid: 32767 bytes",
                assertThrows(IllegalArgumentException.class, () -> Threading.stackSize(32767)).getMessage());
        assertEquals(0, Threading.stackSize(32768));
        assertEquals(32768, Threading.stackSize(1 << 20));
        assertEquals(1 << 20, Threading.stackSize());
        assertEquals(1 << 20, Threading.stackSize(0));
        assertEquals(0, Threading.stackSize());
    }

    /** A platform thread made with a small stack overflows at a lower depth than one with a large stack. */
    @Test
    void stackSizeAppliesToLaterThreads() {
        Threading.stackSize(256 * 1024);
        int small = recursionDepth();
        Threading.stackSize(16 * 1024 * 1024);
        int large = recursionDepth();
        assertTrue(large > small, "depth with 16 MiB " + large + " vs 256 KiB " + small);
    }

    private static int recursionDepth() {
        int[] depth = new int[1];
        Thread t = Threading.thread(() -> {
            try {
                recurse(depth);
            } catch (StackOverflowError expected) {
                // measured
            }
        });
        t.start();
        Threading.join(t);
        return depth[0];
    }

    private static void recurse(int[] depth) {
        depth[0]++;
        recurse(depth);
    }

    /** First used from a virtual thread, Threading still finds the JVM's main thread, and keeps it after main ends. */
    @Test
    void mainThreadFoundFromAnotherThread() {
        ChildJvm.Result r = ChildJvm.run(MainThreadFromVirtualMain.class);
        String nl = System.lineSeparator();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("from virtual: same=true main listed=true" + nl + "after main: same=true alive=false listed=false" + nl,
                r.stdout(), r::toString);
        assertEquals("", r.stderr(), r::toString);
    }

    /** Child: the first use of Threading is in a virtual thread; a later thread looks again after main ended. */
    static final class MainThreadFromVirtualMain {
        public static void main(String[] args) throws InterruptedException {
            Thread main = Thread.currentThread();
            Thread v = Thread.ofVirtual().start(() -> {
                Thread m = Threading.mainThread();
                System.out.println("from virtual: same=" + (m == main) + " " + m.getName() + " listed="
                        + Threading.enumerate().contains(m));
            });
            v.join();
            Threading.thread(() -> {
                Threading.join(main);
                System.out.println("after main: same=" + (Threading.mainThread() == main) + " alive="
                        + main.isAlive() + " listed=" + Threading.enumerate().contains(main));
            }).start();
        }
    }

    /** Foreign threads that ended are dropped, however many registered (the registry does not grow). */
    @Test
    void endedForeignThreadsAreDropped() {
        for (int i = 0; i < 200; i++) {
            Thread f = ThreadKind.VIRTUAL.start(Threading::currentThread);
            Threads.join(f);
        }
        long foreignListed = Threading.enumerate().stream().filter(t -> t.getName().isEmpty()).count();
        assertEquals(0, foreignListed, "unnamed ended virtual threads listed");
    }
}

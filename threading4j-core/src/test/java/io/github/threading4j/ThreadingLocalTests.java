package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.ThreadKind;
import io.github.threading4j.support.Threads;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Port of CPython's {@code test_threading_local.BaseLocalTest}, run against {@link Local} on both kinds. */
class ThreadingLocalTests {

    /** CPython's Weak: an object only a thread's local value refers to. */
    private static final class Weak {}

    /** Values stored by threads that ended become unreachable while the Local itself lives on. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void testLocalRefs(ThreadKind kind) {
        localRefs(kind, 20);
        localRefs(kind, 50);
        localRefs(kind, 100);
    }

    private static void localRefs(ThreadKind kind, int n) {
        Local<Weak> local = new Local<>();
        List<WeakReference<Weak>> weaklist = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = NewThreads.start(kind, () -> {
                Weak weak = new Weak();
                local.set(weak);
                synchronized (weaklist) {
                    weaklist.add(new WeakReference<>(weak));
                }
            });
            Threading.join(t);
        }
        assertEquals(n, weaklist.size());
        // CPython accepts n-1 (its pure-Python local keeps the last thread's value); ThreadLocal frees all.
        for (WeakReference<Weak> ref : weaklist) {
            Threads.awaitCollected(ref, "the value of an ended thread");
        }
        local.set(new Weak()); // the Local is still usable (and was reachable throughout)
        assertTrue(local.isSet());
    }

    /** A Local subclass whose per-thread initialisation is interleaved: each thread still sees its own value. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void testDerived(ThreadKind kind) {
        int n = 10;
        // Every thread is inside initialValue() at the same time (CPython sleeps there to force a switch).
        CyclicBarrier allInInit = new CyclicBarrier(n);
        AtomicInteger inits = new AtomicInteger();
        Local<Integer> local = new Local<>() {
            @Override
            protected Integer initialValue() {
                inits.incrementAndGet();
                try {
                    allInInit.await(io.github.threading4j.support.Timeouts.LONG.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new AssertionError(e);
                }
                return null;
            }
        };
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int value = i;
            threads.add(NewThreads.start(kind, () -> {
                try {
                    local.set(value);
                    assertEquals(value, local.get());
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        threads.forEach(Threading::join);
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        assertEquals(n, inits.get(), "the initializer runs once per thread, at its first use (a set)");
    }

    /** A value set in one thread is unset in another. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void testThreadingLocal(ThreadKind kind) {
        testOneClass(kind, new Local<>());
    }

    /** The same with subclasses overriding initialValue(): null (no value), or a value of the thread's own. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void testThreadingLocalSubclass(ThreadKind kind) {
        testOneClass(kind, new Local<>() {
            @Override
            protected String initialValue() {
                return null; // like CPython's LocalSubclass without __init__: nothing set
            }
        });

        Local<String> own = new Local<>() {
            @Override
            protected String initialValue() {
                return "initial of " + Thread.currentThread().threadId();
            }
        };
        CountDownLatch set = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        Thread t1 = NewThreads.start(kind, () -> {
            own.set("foo");
            set.countDown();
            Threads.await(checked, "t2 to check");
            assertEquals("foo", own.get());
        });
        Threads.await(set, "t1 to set");
        AtomicReference<String> seen = new AtomicReference<>();
        Thread t2 = NewThreads.start(kind, () -> seen.set(own.get()));
        Threading.join(t2);
        assertEquals("initial of " + t2.threadId(), seen.get());
        checked.countDown();
        Threading.join(t1);
    }

    /** CPython's _test_one_class: t1 sets x and sets-then-deletes y; t2 must see neither. */
    private static void testOneClass(ThreadKind kind, Local<String> x) {
        Local<String> y = new Local<>();
        CountDownLatch e1 = new CountDownLatch(1);
        CountDownLatch e2 = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t1 = NewThreads.start(kind, () -> {
            try {
                x.set("foo");
                y.set("bar");
                y.remove();
                assertFalse(y.isSet());
                assertThrows(NoSuchElementException.class, y::get);
            } catch (Throwable e) {
                failure.set(e);
            }
            e1.countDown();
            Threads.await(e2, "e2");
            try {
                assertEquals("foo", x.get(), "t1's value is untouched by t2");
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        });
        Threads.await(e1, "e1");
        AtomicReference<String> failed = new AtomicReference<>("No error message set or cleared.");
        Thread t2 = NewThreads.start(kind, () -> {
            try {
                String foo = x.get();
                failed.set("Incorrectly got value " + foo + " from " + x);
            } catch (NoSuchElementException expected) {
                // we haven't set x in this thread yet
                failed.set(x.isSet() ? "isSet() is true in t2" : "");
            }
        });
        Threading.join(t2);
        e2.countDown();
        Threading.join(t1);
        assertEquals("", failed.get());
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }
}

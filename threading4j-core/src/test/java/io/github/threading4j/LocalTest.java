package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.support.ThreadKind;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Local} behaviour beyond CPython's tests (threading §8, mapping §2.8). */
class LocalTest {

    /** The initializer runs once per thread, lazily, and not again after remove(): a removed value stays unset. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void initializerRunsOncePerThread(ThreadKind kind) {
        AtomicInteger runs = new AtomicInteger();
        Local<String> local = Local.withInitial(() -> "init#" + runs.incrementAndGet());
        assertEquals(0, runs.get(), "lazy: nothing ran at construction");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = NewThreads.start(kind, () -> {
            try {
                assertTrue(local.isSet());
                String first = local.get();
                assertEquals(first, local.get());
                local.remove();
                assertFalse(local.isSet());
                assertThrows(NoSuchElementException.class, local::get);
                local.set("again");
                assertEquals("again", local.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        Threading.join(t);
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        assertEquals(1, runs.get(), "once in that thread");
        assertEquals("init#2", local.get(), "and once more in this thread, at its first use");
        assertEquals(2, runs.get());
    }

    /** A set() as a thread's first use runs the initializer before storing (CPython's __init__ before setattr). */
    @Test
    void setAsFirstUseRunsInitializer() {
        AtomicInteger runs = new AtomicInteger();
        Local<String> local = Local.withInitial(() -> {
            runs.incrementAndGet();
            return "initial";
        });
        local.set("mine");
        assertEquals(1, runs.get());
        assertEquals("mine", local.get());
    }

    /** A null initial value leaves the thread unset; null is never a value. */
    @Test
    void nullIsNotAValue() {
        Local<String> local = Local.withInitial(() -> null);
        assertFalse(local.isSet());
        assertEquals("value", assertThrows(NullPointerException.class, () -> local.set(null)).getMessage());
        assertEquals("initializer", assertThrows(NullPointerException.class, () -> Local.withInitial(null)).getMessage());
        NoSuchElementException e = assertThrows(NoSuchElementException.class, local::get);
        assertTrue(e.getMessage().contains(Thread.currentThread().getName()), e.getMessage());
    }

    /** toString shows whether the calling thread has a value. */
    @Test
    void toStringShowsState() {
        Local<Integer> local = new Local<>();
        assertTrue(local.toString().matches("<Local at 0x[0-9a-f]+: unset>"), local.toString());
        local.set(1);
        assertTrue(local.toString().matches("<Local at 0x[0-9a-f]+: set>"), local.toString());
    }
}

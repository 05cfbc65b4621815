package io.github.threading4j.futures;

import io.github.threading4j.UncheckedInterruptedException;

import java.lang.ref.Cleaner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The module functions of Python's {@code concurrent.futures}: {@link #wait} and {@link #asCompleted}, and
 * the switch for reporting failures nobody retrieved.
 *
 * <pre>{@code
 * List<Future<String>> pages = urls.stream().map(u -> executor.submit(() -> fetch(u))).toList();
 * var split = Futures.wait(pages, Duration.ofSeconds(5), ReturnWhen.FIRST_EXCEPTION);
 * try (Results<Future<String>> finished = Futures.asCompleted(split.notDone())) {
 *     for (Future<String> f : finished) {
 *         System.out.println(f.result());
 *     }
 * }
 * }</pre>
 *
 * <p>Both accept futures of any executors (only threading4j {@link Future}s, which carry the hooks they
 * need). Unlike CPython (gh-92001), a future cancelled with {@link Future#cancel()} counts as done at once
 * (D1), so {@code wait} never hangs on futures that no executor will ever run.
 */
public final class Futures {

    /** Where the package logs (D5): failing callbacks and initializers, unretrieved failures. */
    static final System.Logger LOGGER = System.getLogger("io.github.threading4j.futures");

    /** E2 switch; read on each failure. */
    static volatile boolean reportUnretrieved =
            !"false".equalsIgnoreCase(System.getProperty("threading4j.futures.reportUnretrieved", "true"));

    private Futures() {}

    /**
     * Turns the report of failures nobody retrieved on or off (E2; default on, or off with
     * {@code -Dthreading4j.futures.reportUnretrieved=false}). It applies to futures that fail afterwards.
     *
     * <p>When on, a future whose task failed and whose exception was never retrieved ({@code result},
     * {@code exception}, {@code get}, {@code resultNow}, {@code exceptionNow}, {@code toCompletableFuture},
     * or yielding it from {@code map}) is logged once when it is garbage collected: ERROR "Future exception
     * was never retrieved" with the exception, as asyncio does.
     */
    public static void setReportUnretrieved(boolean report) {
        reportUnretrieved = report;
    }

    /** Whether failures nobody retrieved are reported (E2). */
    public static boolean isReportUnretrieved() {
        return reportUnretrieved;
    }

    // ---- wait ------------------------------------------------------------------------------------------------

    /** {@code wait(fs)}: waits until every future is done. See {@link #wait(Iterable, Duration, ReturnWhen)}. */
    public static <F extends Future<?>> DoneAndNotDone<F> wait(Iterable<? extends F> fs) {
        return wait(fs, null, ReturnWhen.ALL_COMPLETED);
    }

    /** {@code wait(fs, timeout)} with {@link ReturnWhen#ALL_COMPLETED}. */
    public static <F extends Future<?>> DoneAndNotDone<F> wait(Iterable<? extends F> fs, Duration timeout) {
        return wait(fs, timeout, ReturnWhen.ALL_COMPLETED);
    }

    /** {@code wait(fs, return_when=...)} without a time limit. */
    public static <F extends Future<?>> DoneAndNotDone<F> wait(Iterable<? extends F> fs, ReturnWhen returnWhen) {
        return wait(fs, null, returnWhen);
    }

    /**
     * Waits until the futures satisfy {@code returnWhen} or {@code timeout} passes, and returns which are done
     * (finished or cancelled) and which are not. Duplicates count once. Returns at once if the condition
     * already holds: FIRST_COMPLETED and some future is done, FIRST_EXCEPTION and some future failed, or every
     * future is done (also for no futures). Never throws {@link TimeoutError} and never cancels anything.
     *
     * <p>Wakes when a future completes or is cancelled in a way that satisfies the condition. An interrupt
     * (pending on entry or arriving while waiting) stops the wait, leaves the status set, and throws
     * {@link UncheckedInterruptedException}. A zero or negative timeout does not wait: it returns the current
     * split; {@code null} waits without limit.
     *
     * @throws ArithmeticException if it has to wait and {@code timeout} exceeds
     *         {@link io.github.threading4j.Threading#TIMEOUT_MAX}
     */
    public static <F extends Future<?>> DoneAndNotDone<F> wait(Iterable<? extends F> fs, Duration timeout,
                                                                ReturnWhen returnWhen) {
        Objects.requireNonNull(fs, "fs");
        Objects.requireNonNull(returnWhen, "returnWhen");
        Set<F> all = identitySet();
        for (F f : fs) {
            all.add(Objects.requireNonNull(f, "future"));
        }
        if (conditionHolds(all, returnWhen)) {
            return split(all);
        }
        long nanos = 0L;
        if (timeout != null) {
            nanos = Deadline.nanos(timeout);
            if (nanos <= 0) {
                return split(all);
            }
        }
        WaitHook.Waiter waiter = new WaitHook.Waiter(returnWhen, Thread.currentThread());
        List<Future<?>> hooked = new ArrayList<>(all.size());
        List<WaitHook> hooks = new ArrayList<>(all.size());
        int installed = 0;
        for (F f : all) {
            WaitHook h = new WaitHook(waiter);
            if (f.addHook(h)) {
                hooked.add(f);
                hooks.add(h);
                installed++;
            } else {
                waiter.alreadyDone(f);
            }
        }
        waiter.installed(installed);
        try {
            long deadline = timeout == null ? 0L : System.nanoTime() + Math.min(nanos, Long.MAX_VALUE / 2);
            while (!waiter.fired) {
                if (Thread.interrupted()) {
                    throw UncheckedInterruptedException.interrupted();
                }
                if (timeout == null) {
                    LockSupport.park(waiter);
                } else {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        break;
                    }
                    LockSupport.parkNanos(waiter, remaining);
                }
            }
        } finally {
            for (int i = 0; i < hooked.size(); i++) {
                hooked.get(i).removeHook(hooks.get(i));
            }
        }
        return split(all);
    }

    /** One waiter's hook on one future. */
    static final class WaitHook extends Future.Hook {
        final Waiter waiter;

        WaitHook(Waiter waiter) {
            this.waiter = waiter;
        }

        @Override
        void futureDone(Future<?> f) {
            waiter.completed(f);
        }

        /** Counts completions for one wait() call and wakes it when its condition holds. */
        static final class Waiter {
            private final ReturnWhen returnWhen;
            private final Thread thread;
            /** installed hooks minus completions seen through them; fires at zero (see installed()). */
            private final AtomicInteger outstanding = new AtomicInteger();
            volatile boolean fired;

            Waiter(ReturnWhen returnWhen, Thread thread) {
                this.returnWhen = returnWhen;
                this.thread = thread;
            }

            void alreadyDone(Future<?> f) {
                if (returnWhen == ReturnWhen.FIRST_COMPLETED || (returnWhen == ReturnWhen.FIRST_EXCEPTION && f.failed())) {
                    fire();
                }
            }

            /** Called once all hooks are in: completions may already have taken the count below zero. */
            void installed(int n) {
                if (outstanding.addAndGet(n) == 0) {
                    fire();
                }
            }

            void completed(Future<?> f) {
                if (returnWhen == ReturnWhen.FIRST_COMPLETED || (returnWhen == ReturnWhen.FIRST_EXCEPTION && f.failed())) {
                    fire();
                }
                if (outstanding.decrementAndGet() == 0) {
                    fire();
                }
            }

            private void fire() {
                if (!fired) {
                    fired = true;
                    LockSupport.unpark(thread);
                }
            }
        }
    }

    private static boolean conditionHolds(Set<? extends Future<?>> all, ReturnWhen returnWhen) {
        boolean allDone = true;
        for (Future<?> f : all) {
            if (f.done()) {
                if (returnWhen == ReturnWhen.FIRST_COMPLETED) {
                    return true;
                }
                if (returnWhen == ReturnWhen.FIRST_EXCEPTION && f.failed()) {
                    return true;
                }
            } else {
                allDone = false;
            }
        }
        return allDone;
    }

    private static <F extends Future<?>> DoneAndNotDone<F> split(Set<F> all) {
        Set<F> done = identitySet();
        Set<F> notDone = identitySet();
        for (F f : all) {
            (f.done() ? done : notDone).add(f);
        }
        return new DoneAndNotDone<>(done, notDone);
    }

    static <E> Set<E> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    // ---- asCompleted -------------------------------------------------------------------------------------

    /** {@code as_completed(fs)} without a time limit. See {@link #asCompleted(Iterable, Duration)}. */
    public static <F extends Future<?>> Results<F> asCompleted(Iterable<? extends F> fs) {
        return asCompleted(fs, null);
    }

    /**
     * The futures of {@code fs} as they complete: first those already done (in no particular order), then the
     * others in the order they finish or are cancelled. Each future is yielded once (duplicates collapse).
     * Nothing happens before the first {@code hasNext()} or {@code next()}: that call reads {@code fs} and
     * starts the clock. When {@code timeout} passes with futures still pending, {@code next()} throws
     * {@link TimeoutError} "N (of M) futures unfinished". A zero or negative timeout still yields the futures
     * already done, then throws if any is pending; {@code null} waits without limit.
     *
     * <p>{@code next()} wakes when a future completes or the time runs out; an interrupt stops it (status
     * kept, {@link UncheckedInterruptedException}). Close the results (try-with-resources) to stop listening
     * early.
     */
    public static <F extends Future<?>> Results<F> asCompleted(Iterable<? extends F> fs, Duration timeout) {
        Objects.requireNonNull(fs, "fs");
        return new AsCompletedResults<>(fs, timeout);
    }

    // ---- shared --------------------------------------------------------------------------------------------

    private static final class CleanerHolder {
        static final Cleaner CLEANER = Cleaner.create(r -> {
            Thread t = new Thread(r, "threading4j-futures-cleaner");
            t.setDaemon(true);
            return t;
        });
    }

    /** The package's Cleaner (E2 reports, D10 executor shutdown), created on first use. */
    static Cleaner cleaner() {
        return CleanerHolder.CLEANER;
    }
}

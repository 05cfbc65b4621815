package io.github.threading4j.futures;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What {@link Executor#map} returns (futures.md §3.2, D2, D3). The futures not yet yielded sit in
 * {@link #futures}, oldest first; with a buffer size the input is read one item per yielded result, after the
 * wait, so {@code futures.size() <= bufferSize} at all times.
 */
final class MapResults<R> implements Results<R>, Iterator<R> {
    static final int UNBOUNDED = 0;

    private final WeakReference<Executor> executor;
    private Iterator<Callable<R>> input; // null once exhausted or closed
    private final ArrayDeque<Future<R>> futures = new ArrayDeque<>();
    private final Duration timeout;
    private final boolean timed;
    private final long deadline;
    private boolean iteratorTaken;
    private boolean closed;

    private MapResults(Executor executor, Iterator<Callable<R>> input, Duration timeout, int bufferSize) {
        this.timeout = timeout;
        this.timed = timeout != null;
        this.deadline = timed ? Deadline.deadline(timeout) : 0L; // counted from the map() call
        this.executor = new WeakReference<>(executor);
        this.input = input;
        int n = bufferSize == UNBOUNDED ? Integer.MAX_VALUE : bufferSize;
        for (int i = 0; i < n && input.hasNext(); i++) {
            futures.add(executor.submit(input.next()));
        }
        if (!input.hasNext()) {
            this.input = null;
        }
    }

    static void checkBufferSize(int bufferSize) {
        if (bufferSize < 1) {
            throw new IllegalArgumentException("bufferSize must be > 0");
        }
    }

    static <A, R> Results<R> of(Executor executor, Function<? super A, ? extends R> fn, Iterable<? extends A> items,
                                Duration timeout, int bufferSize) {
        Objects.requireNonNull(fn, "fn");
        Iterator<? extends A> it = Objects.requireNonNull(items, "items").iterator();
        Iterator<Callable<R>> tasks = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Callable<R> next() {
                A a = it.next();
                return () -> fn.apply(a);
            }
        };
        return new MapResults<>(executor, tasks, timeout, bufferSize);
    }

    static <A, B, R> Results<R> of(Executor executor, BiFunction<? super A, ? super B, ? extends R> fn,
                                   Iterable<? extends A> as, Iterable<? extends B> bs, Duration timeout,
                                   int bufferSize) {
        Objects.requireNonNull(fn, "fn");
        Iterator<? extends A> ia = Objects.requireNonNull(as, "as").iterator();
        Iterator<? extends B> ib = Objects.requireNonNull(bs, "bs").iterator();
        Iterator<Callable<R>> tasks = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return ia.hasNext() && ib.hasNext(); // zip: stops at the shorter input
            }

            @Override
            public Callable<R> next() {
                A a = ia.next();
                B b = ib.next();
                return () -> fn.apply(a, b);
            }
        };
        return new MapResults<>(executor, tasks, timeout, bufferSize);
    }

    @Override
    public Iterator<R> iterator() {
        if (iteratorTaken) {
            throw new IllegalStateException("iterator() may be called once");
        }
        iteratorTaken = true;
        return this;
    }

    @Override
    public boolean hasNext() {
        return !closed && !futures.isEmpty();
    }

    @Override
    public R next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        try {
            Future<R> oldest = futures.peekFirst();
            R r;
            if (!timed) {
                r = oldest.result();
            } else if (!oldest.done()) {
                Deadline.nanos(timeout); // beyond TIMEOUT_MAX: ArithmeticException, only now that it must wait
                r = oldest.result(Duration.ofNanos(Math.max(0L, deadline - System.nanoTime())));
            } else {
                r = oldest.result(Duration.ZERO);
            }
            futures.pollFirst(); // forget it before yielding (test_free_reference)
            refill();
            return r;
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** D2: one new item per yielded result, submitted after the wait. */
    private void refill() {
        Iterator<Callable<R>> in = input;
        if (in == null) {
            return;
        }
        Executor e = executor.get();
        if (e == null || !in.hasNext()) {
            input = null;
            return;
        }
        futures.add(e.submit(in.next()));
    }

    /** Submitted and not yet yielded: never more than the buffer size (for tests of D2). */
    int outstanding() {
        return futures.size();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        input = null;
        for (Future<R> f; (f = futures.pollFirst()) != null; ) {
            f.cancel();
        }
    }
}

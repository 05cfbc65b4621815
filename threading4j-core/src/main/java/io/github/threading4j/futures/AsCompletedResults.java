package io.github.threading4j.futures;

import io.github.threading4j.UncheckedInterruptedException;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.IdentityHashMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * What {@link Futures#asCompleted} returns (futures.md §6). Starts on the first hasNext()/next(): reads the
 * futures into an identity set, takes the ones already done as the first batch and hooks the others; hooks
 * append to {@link #completed} in completion order and unpark the consumer.
 */
final class AsCompletedResults<F extends Future<?>> implements Results<F>, Iterator<F> {
    private Iterable<? extends F> source; // dropped once read
    private final Duration timeout;
    private boolean iteratorTaken;
    private boolean started;
    private boolean closed;
    private long deadline;
    private int total;
    private int yielded;
    private final ArrayDeque<F> batch = new ArrayDeque<>();
    /** Hooked futures not yet yielded, with their hooks (for removal). Consumer thread only. */
    private final IdentityHashMap<Future<?>, Hook> hooked = new IdentityHashMap<>();
    /** Filled by hooks in the completing threads. */
    private final ConcurrentLinkedQueue<Future<?>> completed = new ConcurrentLinkedQueue<>();
    private volatile Thread consumer;

    AsCompletedResults(Iterable<? extends F> source, Duration timeout) {
        this.source = source;
        this.timeout = timeout;
    }

    private final class Hook extends Future.Hook {
        @Override
        void futureDone(Future<?> f) {
            completed.add(f);
            LockSupport.unpark(consumer);
        }
    }

    @Override
    public Iterator<F> iterator() {
        if (iteratorTaken) {
            throw new IllegalStateException("iterator() may be called once");
        }
        iteratorTaken = true;
        return this;
    }

    private void start() {
        started = true;
        deadline = timeout == null ? 0L : Deadline.deadline(timeout);
        java.util.Set<F> all = Futures.identitySet();
        for (F f : source) {
            all.add(Objects.requireNonNull(f, "future"));
        }
        source = null;
        total = all.size();
        for (F f : all) {
            Hook h = new Hook();
            if (f.addHook(h)) {
                hooked.put(f, h);
            } else {
                batch.add(f);
            }
        }
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        if (!started) {
            start();
        }
        return yielded < total;
    }

    @Override
    @SuppressWarnings("unchecked")
    public F next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        try {
            F f = batch.poll();
            if (f == null) {
                f = (F) awaitCompleted();
            }
            yielded++;
            if (yielded == total) {
                close();
            }
            return f;
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** CPython's loop: deadline check first, then take what completed, else wait for the next completion. */
    private Future<?> awaitCompleted() {
        consumer = Thread.currentThread();
        for (;;) {
            if (timeout != null && (deadline - System.nanoTime() <= 0)) {
                int unfinished = total - yielded;
                throw new TimeoutError(String.format("%d (of %d) futures unfinished", unfinished, total));
            }
            Future<?> f = completed.poll();
            if (f != null) {
                hooked.remove(f);
                return f;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw UncheckedInterruptedException.interrupted();
            }
            if (timeout == null) {
                LockSupport.park(this);
            } else {
                Deadline.nanos(timeout); // beyond TIMEOUT_MAX: ArithmeticException, only now that it must wait
                LockSupport.parkNanos(this, deadline - System.nanoTime());
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        hooked.forEach(Future::removeHook);
        hooked.clear();
        batch.clear();
        completed.clear();
        source = null;
    }
}

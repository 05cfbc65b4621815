package io.github.threading4j.queue;

import io.github.threading4j.UncheckedInterruptedException;

import java.time.Duration;
import java.util.AbstractQueue;
import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Python's {@code queue.SimpleQueue} (3.7+): an unbounded first-in first-out queue with no task tracking,
 * no {@code maxsize} and no shutdown, whose {@code put} never blocks.
 *
 * <pre>{@code
 * SimpleQueue<String> log = new SimpleQueue<>();
 * Cleaner.create().register(resource, () -> log.put("resource collected"));  // safe from a Cleaner
 * String line = log.get(Duration.ofSeconds(1));                              // Empty if none came
 * }</pre>
 *
 * <p><b>Put from anywhere.</b> CPython's C implementation lets {@code put} run while another {@code put} or
 * {@code get} of the same thread is in progress (from a {@code __del__} or a signal handler). The JVM
 * analogue: {@code put} takes no lock at all — it is lock-free (a compare-and-set on a linked list,
 * {@link LinkedTransferQueue}, which also hands the item straight to a waiting getter) — so it is safe from a
 * {@link java.lang.ref.Cleaner} action, from a callback, and while the caller holds any lock. The
 * {@code block} and {@code timeout} arguments of {@code put} are accepted and ignored, as in CPython.
 *
 * <p>{@code get} behaves as {@link Queue#get(boolean, Duration)} without shutdown: it waits while the queue
 * is empty; with {@code block} false it throws {@link Empty} at once (ignoring the timeout); a timeout makes
 * it throw {@link Empty} when it passes; a negative timeout with {@code block} true throws
 * {@link IllegalArgumentException}. Which of several waiting getters receives an item is not specified.
 *
 * <p>It also implements {@link BlockingQueue}: {@code offer} and {@code add} always succeed,
 * {@link #remainingCapacity()} is {@link Integer#MAX_VALUE}, and the JDK's blocking methods throw the
 * checked {@link InterruptedException}. Python-named blocking calls keep the interrupt status and throw
 * {@link UncheckedInterruptedException}. {@code qsize()} and {@code size()} count the items by walking the
 * list (O(n), racy); {@code empty()} is O(1). Iteration is weakly consistent (the JDK's), not a snapshot.
 *
 * <p>Memory consistency: actions before a {@code put} happen-before actions after the {@code get} that
 * receives that item.
 *
 * @param <E> the type of the items
 */
public class SimpleQueue<E> extends AbstractQueue<E> implements BlockingQueue<E> {
    /** The items; lock-free. */
    private final LinkedTransferQueue<E> items = new LinkedTransferQueue<>();

    /** An empty queue. */
    public SimpleQueue() {}

    /**
     * Python's {@code put(item)}: appends {@code item}. Never blocks, never waits for a lock, never throws
     * {@link InterruptedException} (it keeps {@link BlockingQueue#put}'s signature without the
     * {@code throws}).
     *
     * @throws NullPointerException if {@code item} is null
     */
    @Override
    public void put(E item) {
        items.offer(Objects.requireNonNull(item, "item must not be null"));
    }

    /** Python's {@code put(item, block)}: {@link #put(Object)}; {@code block} is ignored. */
    public void put(E item, boolean block) {
        put(item);
    }

    /** Python's {@code put(item, timeout=timeout)}: {@link #put(Object)}; the timeout is ignored, even if negative. */
    public void put(E item, Duration timeout) {
        put(item);
    }

    /** Python's {@code put(item, block, timeout)}: {@link #put(Object)}; both are ignored. */
    public void put(E item, boolean block, Duration timeout) {
        put(item);
    }

    /** Python's {@code put_nowait(item)}: {@link #put(Object)}. */
    public void putNowait(E item) {
        put(item);
    }

    /**
     * Python's {@code get()}: removes and returns the first item, waiting while the queue is empty.
     * Wakes when an item is put, or on interrupt: the status stays set, nothing is removed and
     * {@link UncheckedInterruptedException} is thrown (also when the status is set on entry).
     */
    public E get() {
        return get(true, null);
    }

    /** Python's {@code get(block)}: with {@code block} false, {@link Empty} at once when empty. */
    public E get(boolean block) {
        return get(block, null);
    }

    /** Python's {@code get(timeout=timeout)}: {@link #get(boolean, Duration) get(true, timeout)}. */
    public E get(Duration timeout) {
        return get(true, timeout);
    }

    /**
     * Python's {@code get(block, timeout)}. Wakes when an item is put, when the timeout passes, or on
     * interrupt (status kept, nothing removed, {@link UncheckedInterruptedException}; also when the status
     * is set on entry of a call that may wait). With {@code block} false the timeout is ignored.
     *
     * @param timeout {@code null} waits as long as needed; zero tries once; negative is an error when
     *     {@code block} is true
     * @throws Empty if the queue is empty and {@code block} is false or the timeout passed
     * @throws IllegalArgumentException if {@code timeout} is negative and {@code block} is true
     */
    public E get(boolean block, Duration timeout) {
        E item;
        if (!block) {
            item = items.poll();
        } else {
            long nanos = 0L;
            if (timeout != null) {
                if (timeout.isNegative()) {
                    throw new IllegalArgumentException("'timeout' must be a non-negative number");
                }
                nanos = saturatedNanos(timeout);
                if (nanos == 0L) {
                    item = items.poll();  // try once: cannot wait, ignores the interrupt status
                    if (item == null) {
                        throw new Empty();
                    }
                    return item;
                }
            }
            if (Thread.interrupted()) {
                throw UncheckedInterruptedException.restore(new InterruptedException());
            }
            try {
                item = timeout == null ? items.take() : items.poll(nanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                throw UncheckedInterruptedException.restore(e);
            }
        }
        if (item == null) {
            throw new Empty();
        }
        return item;
    }

    /** Python's {@code get_nowait()}: {@code get(false)}. */
    public E getNowait() {
        return get(false, null);
    }

    /** Python's {@code qsize()}: the number of items; racy, and O(n) (it walks the list). */
    public int qsize() {
        return items.size();
    }

    /** Python's {@code empty()}: racy, O(1). */
    public boolean empty() {
        return items.isEmpty();
    }

    private static long saturatedNanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLarge) {
            return Long.MAX_VALUE;
        }
    }

    // ------------------------------------------------------------------ BlockingQueue

    /** Appends {@code item}; always {@code true}. */
    @Override
    public boolean offer(E item) {
        put(item);
        return true;
    }

    /** Appends {@code item} without waiting; always {@code true}. */
    @Override
    public boolean offer(E item, long timeout, TimeUnit unit) {
        put(item);
        return true;
    }

    /** JDK {@link BlockingQueue#take()}: waits for an item; checked {@link InterruptedException}. */
    @Override
    public E take() throws InterruptedException {
        return items.take();
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        return items.poll(timeout, unit);
    }

    @Override
    public E poll() {
        return items.poll();
    }

    @Override
    public E peek() {
        return items.peek();
    }

    @Override
    public E remove() {
        E item = items.poll();
        if (item == null) {
            throw new Empty();
        }
        return item;
    }

    @Override
    public E element() {
        E item = items.peek();
        if (item == null) {
            throw new Empty();
        }
        return item;
    }

    /** Always {@link Integer#MAX_VALUE}: unbounded. */
    @Override
    public int remainingCapacity() {
        return Integer.MAX_VALUE;
    }

    @Override
    public int drainTo(Collection<? super E> c) {
        return drainTo(c, Integer.MAX_VALUE);
    }

    @Override
    public int drainTo(Collection<? super E> c, int maxElements) {
        if (c == this) {
            throw new IllegalArgumentException("c must not be this queue");
        }
        return items.drainTo(c, maxElements);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public boolean isEmpty() {
        return items.isEmpty();
    }

    @Override
    public boolean contains(Object o) {
        return items.contains(o);
    }

    @Override
    public boolean remove(Object o) {
        return items.remove(o);
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        return items.removeIf(filter);
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        return items.removeAll(c);
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        return items.retainAll(c);
    }

    @Override
    public void clear() {
        items.clear();
    }

    /** Weakly consistent, as the JDK's concurrent queues: never throws ConcurrentModificationException. */
    @Override
    public Iterator<E> iterator() {
        return items.iterator();
    }

    @Override
    public Object[] toArray() {
        return items.toArray();
    }

    @Override
    public <T> T[] toArray(T[] a) {
        return items.toArray(a);
    }

    /** {@code <SimpleQueue at 0x1b6d3586: qsize=3>}. */
    @Override
    public String toString() {
        return "<SimpleQueue at 0x" + Integer.toHexString(System.identityHashCode(this)) + ": qsize=" + qsize() + ">";
    }
}

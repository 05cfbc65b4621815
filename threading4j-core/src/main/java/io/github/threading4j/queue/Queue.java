package io.github.threading4j.queue;

import io.github.threading4j.UncheckedInterruptedException;

import java.time.Duration;
import java.util.AbstractQueue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Python's {@code queue.Queue}: a first-in first-out queue for handing work between threads, optionally
 * bounded, that counts unfinished tasks so that a producer can {@link #join()} until every item it put has
 * been processed, and that can be {@link #shutdown() shut down} (CPython 3.13).
 *
 * <p>It behaves as CPython's class does: {@code put} blocks while the queue is full, {@code get} while it is
 * empty; {@link #putNowait}/{@link #getNowait} and the {@code block = false} overloads throw {@link Full} and
 * {@link Empty} instead; a timeout overload waits at most that long, then throws {@code Full}/{@code Empty}.
 * {@code maxsize <= 0} means unbounded. Every item put adds one to {@link #unfinishedTasks()}; a consumer calls
 * {@link #taskDone()} once per item it has finished with, and {@link #join()} returns when the count is
 * back to zero. {@link LifoQueue} and {@link PriorityQueue} share all of this and differ only in the order
 * items come out.
 *
 * <p>The worker pattern of the tutorials, with {@link #shutdown()} in place of CPython's {@code None}
 * sentinel (Java queues refuse {@code null} items, as every {@link BlockingQueue} does):
 *
 * <pre>{@code
 * Queue<String> q = new Queue<>(100);
 * Runnable worker = () -> {
 *     try {
 *         while (true) {
 *             String url = q.get();          // blocks while empty
 *             fetch(url);
 *             q.taskDone();
 *         }
 *     } catch (ShutDown done) {
 *         // the queue was shut down and is drained: the worker ends
 *     }
 * };
 * for (int i = 0; i < 4; i++) Thread.ofVirtual().start(worker);
 * urls.forEach(url -> q.put(url, true));   // blocks while 100 are waiting
 * q.join();                                 // every url fetched
 * q.shutdown();                             // instead of putting one None per worker
 * }</pre>
 *
 * <p><b>A {@link BlockingQueue} too.</b> The JDK methods keep their JDK contracts and are views of the same
 * state: an insertion by any method ({@code put}, {@code offer}, {@code add}, {@code addAll}) counts as a
 * Python {@code put} (one more unfinished task); a removal that hands the item to the caller
 * ({@code get}, {@code poll}, {@code take}, {@code remove()}, {@code drainTo}) counts as a Python
 * {@code get} (the caller owes a {@code taskDone()}); a removal that discards items ({@code remove(Object)},
 * {@code removeIf}, {@code removeAll}, {@code retainAll}, {@code clear}, {@code Iterator.remove}) also
 * finishes their tasks, as an immediate shutdown does, and wakes {@code join()} at zero. Where Python throws
 * and the JDK returns a value, the JDK method returns it: {@code offer} returns {@code false} when full,
 * {@code poll}/{@code peek} return {@code null} when empty; {@code add} throws {@link Full},
 * {@code remove()}/{@code element()} throw {@link Empty}. {@code size()} is {@code qsize()},
 * {@code remainingCapacity()} is {@code maxsize - qsize()} or {@link Integer#MAX_VALUE} when unbounded, and
 * iteration walks a snapshot taken under the lock, in {@code get()} order.
 *
 * <p><b>Shut down.</b> After {@link #shutdown()} every insertion fails ({@code put}, {@code add} throw
 * {@link ShutDown}; {@code offer} returns {@code false}); items already stored are still handed out, and
 * once the queue is empty {@code get}/{@code take} throw {@code ShutDown} while {@code poll}/{@code peek}
 * return {@code null} and {@code remove()}/{@code element()} throw {@code Empty}. {@link #shutdown(boolean)
 * shutdown(true)} also removes the stored items and returns them, so nothing is lost silently. Used as the
 * work queue of a JDK {@link java.util.concurrent.ThreadPoolExecutor}, the executor must be shut down
 * <em>before</em> the queue: the executor treats {@code ShutDown} from {@code take()} as a worker failure
 * and would keep replacing the worker.
 *
 * <p><b>Interrupts.</b> The Python-named blocking methods ({@code get()}, {@code get(Duration)},
 * {@code put(item, true)}, {@code put(item, Duration)}, {@link #join()}) keep the thread's interrupt status,
 * change nothing and throw the unchecked {@link UncheckedInterruptedException}; the {@link BlockingQueue}
 * methods {@link #put(Object)}, {@link #take()}, {@link #offer(Object, long, TimeUnit)} and
 * {@link #poll(long, TimeUnit)} throw the checked {@link InterruptedException} and clear it, as the JDK's
 * queues do. Calls that cannot wait ignore the interrupt status.
 *
 * <p><b>Subclasses</b> choose the order by overriding the storage hooks {@link #storageSize()},
 * {@link #storagePut(Object)} and {@link #storageGet()} (CPython's {@code _qsize}, {@code _put},
 * {@code _get}), which are called with the queue's lock held. The JDK view methods that look inside the
 * storage ({@code peek}, iteration, {@code contains}, {@code remove(Object)}, {@code removeIf}, ...) read the
 * built-in storage of {@code Queue}, {@code LifoQueue} or {@code PriorityQueue}; a subclass that keeps its
 * items elsewhere overrides those as well.
 *
 * <p>Memory consistency: actions in a thread before it puts an item happen-before actions after another
 * thread gets that item; actions before {@code taskDone()} happen-before {@code join()} returns.
 *
 * @param <E> the type of the items
 */
public class Queue<E> extends AbstractQueue<E> implements BlockingQueue<E> {
    /*
     * One ReentrantLock and three conditions on it, as CPython's mutex with not_empty, not_full and
     * all_tasks_done, and as the JDK's ArrayBlockingQueue: task accounting happens in the same critical
     * section as the storage change, so a put costs one lock round trip and no extra atomic. Each
     * condition is signalled only when its waiter count (guarded by the lock) says someone waits.
     * The storage is an array ring buffer that grows by doubling (a bounded queue starts at its maxsize up
     * to 16 slots), so a put or get allocates nothing once the array is large enough.
     */

    private static final int NOWAIT = 0;
    private static final int TIMED = 1;
    private static final int FOREVER = 2;

    private static final int OK = 0;
    private static final int FULL = 1;
    private static final int SHUT_DOWN = 2;

    /** Returned by {@link #doGet} when the queue is shut down and empty (never a stored item). */
    private static final Object SHUT_DOWN_MARKER = new Object();

    private static final int INITIAL_CAPACITY = 16;

    /** Guards every field below except {@code maxsize}'s reads outside it. */
    final ReentrantLock lock = new ReentrantLock();
    /** Getters wait here; signalled once per put when {@code getWaiters > 0}; all at shutdown. */
    private final Condition notEmpty = lock.newCondition();
    /** Putters wait here; signalled once per removal when {@code putWaiters > 0}; all at shutdown. */
    private final Condition notFull = lock.newCondition();
    /** {@code join()} waits here; signalled (all) when {@code unfinishedTasks} reaches 0. */
    private final Condition allTasksDone = lock.newCondition();

    /**
     * {@code <= 0}: unbounded. Written under {@code lock}; volatile because {@code put} reads it before
     * locking, only to choose whether the lock acquisition may be interrupted (it re-reads it inside).
     */
    private volatile int maxsize;
    /** Items put and not yet marked done; {@code >= 0}. Guarded by {@code lock}. */
    private long unfinishedTasks;
    /** Set once by {@code shutdown}, never cleared. Guarded by {@code lock}. */
    private boolean isShutdown;
    /** Threads waiting on each condition; guarded by {@code lock}. */
    private int getWaiters;
    private int putWaiters;
    private int joinWaiters;

    /** Ring buffer of {@code Queue}'s own storage: {@code count} items from {@code items[head]}. Guarded by lock. */
    private Object[] items;
    private int head;
    private int tail;
    private int count;

    /** An unbounded queue. */
    public Queue() {
        this(0);
    }

    /** A queue holding at most {@code maxsize} items; {@code maxsize <= 0} means unbounded. */
    public Queue(int maxsize) {
        this.maxsize = maxsize;
    }

    // ------------------------------------------------------------------ put

    /**
     * Puts {@code item}, waiting while the queue is full (JDK signature: see {@link #put(Object, boolean)} for
     * the unchecked spelling). Wakes when a get makes room, or on shutdown ({@link ShutDown}).
     *
     * @throws InterruptedException if interrupted before or while waiting on a bounded queue (status cleared;
     *     nothing changed)
     * @throws ShutDown if the queue is shut down
     * @throws NullPointerException if {@code item} is null
     */
    @Override
    public void put(E item) throws InterruptedException {
        if (doPut(item, FOREVER, 0L) != OK) {
            throw shutDownOnPut();
        }
    }

    /**
     * Python's {@code put(item, block)}: with {@code block} true, waits while the queue is full (see
     * {@link #put(Object, boolean, Duration)}); with {@code block} false, {@link Full} at once if it is full.
     */
    public void put(E item, boolean block) {
        put(item, block, null);
    }

    /** Python's {@code put(item, timeout=timeout)}: {@link #put(Object, boolean, Duration) put(item, true, timeout)}. */
    public void put(E item, Duration timeout) {
        put(item, true, timeout);
    }

    /**
     * Python's {@code put(item, block, timeout)}: stores {@code item} at the end of the queue and adds one to
     * {@link #unfinishedTasks()}.
     *
     * <p>Wakes when a get makes room, on {@link #shutdown()} (then throws {@link ShutDown} even if room
     * appeared), when the timeout passes, or on interrupt. An unbounded queue never waits and ignores
     * {@code block} and {@code timeout}. With {@code block} false the timeout is ignored. An interrupt (status
     * set on entry or arriving while waiting) leaves the status set, stores nothing and throws
     * {@link UncheckedInterruptedException}; a call that cannot wait ignores it.
     *
     * @param timeout {@code null} waits as long as needed; zero tries once; negative is an error (bounded
     *     queue, {@code block} true)
     * @throws Full if the queue is full and {@code block} is false or the timeout passed
     * @throws ShutDown if the queue is shut down (checked first)
     * @throws IllegalArgumentException if {@code timeout} is negative (bounded queue, {@code block} true)
     * @throws NullPointerException if {@code item} is null
     */
    public void put(E item, boolean block, Duration timeout) {
        int mode = !block ? NOWAIT : timeout == null ? FOREVER : TIMED;
        long nanos = mode == TIMED ? nanos(timeout) : 0L;
        int status;
        try {
            status = doPut(item, mode, nanos);
        } catch (InterruptedException e) {
            throw UncheckedInterruptedException.restore(e);
        }
        if (status == FULL) {
            throw new Full();
        } else if (status == SHUT_DOWN) {
            throw shutDownOnPut();
        }
    }

    /** Python's {@code put_nowait(item)}: {@code put(item, false)}; {@link Full} if the queue is full. */
    public void putNowait(E item) {
        put(item, false, null);
    }

    // ------------------------------------------------------------------ get

    /**
     * Python's {@code get()}: removes and returns the next item, waiting while the queue is empty. Does not
     * change {@link #unfinishedTasks()}: call {@link #taskDone()} when finished with the item.
     *
     * <p>Wakes when an item is put, on {@link #shutdown()} (then {@link ShutDown} once the queue is empty),
     * or on interrupt: the status stays set, nothing is removed, and {@link UncheckedInterruptedException}
     * is thrown (also when the status is set on entry).
     *
     * @throws ShutDown if the queue is shut down and empty
     */
    public E get() {
        return get(true, null);
    }

    /** Python's {@code get(block)}: with {@code block} false, {@link Empty} at once if the queue is empty. */
    public E get(boolean block) {
        return get(block, null);
    }

    /** Python's {@code get(timeout=timeout)}: {@link #get(boolean, Duration) get(true, timeout)}. */
    public E get(Duration timeout) {
        return get(true, timeout);
    }

    /**
     * Python's {@code get(block, timeout)}: removes and returns the next item (FIFO for {@code Queue}).
     *
     * <p>Wakes when an item is put, on {@link #shutdown()} (then {@link ShutDown} if the queue is empty), when
     * the timeout passes, or on interrupt: the status stays set, nothing is removed, and
     * {@link UncheckedInterruptedException} is thrown (also when the status is set on entry of a call that
     * may wait); a call that cannot wait ignores it. With {@code block} false the timeout is ignored.
     *
     * @param timeout {@code null} waits as long as needed; zero tries once; negative is an error when
     *     {@code block} is true
     * @throws Empty if the queue is empty and {@code block} is false or the timeout passed
     * @throws ShutDown if the queue is shut down and empty (checked first)
     * @throws IllegalArgumentException if {@code timeout} is negative and {@code block} true
     */
    public E get(boolean block, Duration timeout) {
        int mode = !block ? NOWAIT : timeout == null ? FOREVER : TIMED;
        long nanos = mode == TIMED ? nanos(timeout) : 0L;
        Object x;
        try {
            x = doGet(mode, nanos);
        } catch (InterruptedException e) {
            throw UncheckedInterruptedException.restore(e);
        }
        if (x == null) {
            throw new Empty();
        } else if (x == SHUT_DOWN_MARKER) {
            throw new ShutDown();
        }
        @SuppressWarnings("unchecked")
        E item = (E) x;
        return item;
    }

    /** Python's {@code get_nowait()}: {@code get(false)}; {@link Empty} if the queue is empty. */
    public E getNowait() {
        return get(false, null);
    }

    // ------------------------------------------------------------------ queries

    /** Python's {@code qsize()}: the number of items, taken under the lock; stale as soon as it returns. */
    public int qsize() {
        final ReentrantLock lock = this.lock;
        lock.lock();
        try {
            return storageSize();
        } finally {
            lock.unlock();
        }
    }

    /** Python's {@code empty()}: {@code qsize() == 0}; racy, as CPython says: a put may follow at once. */
    public boolean empty() {
        return qsize() == 0;
    }

    /** Python's {@code full()}: {@code 0 < maxsize <= qsize()}; racy. Always false when unbounded. */
    public boolean full() {
        final ReentrantLock lock = this.lock;
        lock.lock();
        try {
            int max = maxsize;
            return max > 0 && storageSize() >= max;
        } finally {
            lock.unlock();
        }
    }

    /** Python's {@code maxsize}: the bound given or set; {@code <= 0} means unbounded. */
    public int maxsize() {
        return maxsize;
    }

    /**
     * Python's {@code q.maxsize = n}: later calls use the new bound; threads already waiting are not woken
     * (as in CPython), they see the new bound when something else wakes them.
     */
    public void setMaxsize(int maxsize) {
        final ReentrantLock lock = this.lock;
        lock.lock();
        try {
            this.maxsize = maxsize;
        } finally {
            lock.unlock();
        }
    }

    /** Python's {@code unfinished_tasks}: items put and not yet marked done with {@link #taskDone()}. */
    public long unfinishedTasks() {
        final ReentrantLock lock = this.lock;
        lock.lock();
        try {
            return unfinishedTasks;
        } finally {
            lock.unlock();
        }
    }

    /** Python's {@code is_shutdown}: whether {@link #shutdown()} was called. */
    public boolean isShutdown() {
        final ReentrantLock lock = this.lock;
        lock.lock();
        try {
            return isShutdown;
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ tasks

    /**
     * Python's {@code task_done()}: marks one item as processed. Not tied to a particular {@code get}; when the
     * count of unfinished tasks reaches zero, every {@link #join()} returns. Works after shutdown.
     *
     * @throws IllegalArgumentException {@code "taskDone() called too many times"} if no task is unfinished
     *     (the count stays zero)
     */
    public void taskDone() {
        final ReentrantLock lock = this.lock;
        lock.lock();
        try {
            long unfinished = unfinishedTasks - 1;
            if (unfinished <= 0) {
                if (unfinished < 0) {
                    throw new IllegalArgumentException("taskDone() called too many times");
                }
                if (joinWaiters > 0) {
                    allTasksDone.signalAll();
                }
            }
            unfinishedTasks = unfinished;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Python's {@code join()}: waits until every item ever put has been marked done ({@link #taskDone()}) or
     * discarded (immediate shutdown, {@code clear}, {@code remove(Object)}, ...); returns at once if none is
     * outstanding. Reusable. There is no timeout (CPython rejected one) and it never throws {@link ShutDown}.
     *
     * <p>Wakes when the count reaches zero, or on interrupt: the status stays set and
     * {@link UncheckedInterruptedException} is thrown (also when the status is set on entry).
     */
    public void join() {
        final ReentrantLock lock = this.lock;
        try {
            lock.lockInterruptibly();
            try {
                while (unfinishedTasks > 0) {
                    joinWaiters++;
                    try {
                        allTasksDone.await();
                    } finally {
                        joinWaiters--;
                    }
                }
            } finally {
                lock.unlock();
            }
        } catch (InterruptedException e) {
            throw UncheckedInterruptedException.restore(e);
        }
    }

    // ------------------------------------------------------------------ shutdown

    /**
     * Python's {@code shutdown()} (3.13): from now on puts throw {@link ShutDown}; gets return the stored
     * items, then throw {@code ShutDown}; blocked putters wake and throw, blocked getters wake and take an
     * item or throw. {@link #join()} keeps waiting for {@link #taskDone()}. Idempotent; there is no way back.
     */
    public void shutdown() {
        shutdown(false);
    }

    /**
     * Python's {@code shutdown(immediate)}: {@link #shutdown()}, and with {@code immediate} true also removes
     * every stored item, finishing its task (the unfinished count drops by one per item, not below zero), and
     * wakes every {@link #join()} (which returns if no item that was already handed out is still unfinished).
     * One step past CPython: returns the removed items in the order {@code get()} would have returned them,
     * so the caller can lose nothing; the list is empty when {@code immediate} is false.
     */
    public List<E> shutdown(boolean immediate) {
        final ReentrantLock lock = this.lock;
        lock.lock();
        try {
            isShutdown = true;
            List<E> removed = List.of();
            if (immediate) {
                int n = storageSize();
                if (n > 0) {
                    removed = new ArrayList<>(n);
                    while (storageSize() > 0) {
                        removed.add(storageGet());
                    }
                    unfinishedTasks = Math.max(0, unfinishedTasks - removed.size());
                }
                if (unfinishedTasks == 0 && joinWaiters > 0) {
                    allTasksDone.signalAll();
                }
            }
            if (getWaiters > 0) {
                notEmpty.signalAll();
            }
            if (putWaiters > 0) {
                notFull.signalAll();
            }
            return removed;
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ storage hooks

    /** CPython's {@code _qsize()}: the number of stored items. Called with the lock held. */
    protected int storageSize() {
        assert lock.isHeldByCurrentThread();
        return count;
    }

    /**
     * CPython's {@code _put(item)}: stores one item. Called with the lock held; if it throws, the exception
     * reaches the caller of {@code put} and the queue's counters are unchanged.
     */
    protected void storagePut(E item) {
        assert lock.isHeldByCurrentThread();
        Object[] items = this.items;
        if (items == null || count == items.length) {
            items = growRing();
        }
        items[tail] = item;
        if (++tail == items.length) {
            tail = 0;
        }
        count++;
    }

    /**
     * CPython's {@code _get()}: removes and returns the next item; called with the lock held and only when
     * {@link #storageSize()} is positive. If it throws, the queue's counters are unchanged.
     */
    protected E storageGet() {
        assert lock.isHeldByCurrentThread();
        final Object[] items = this.items;
        @SuppressWarnings("unchecked")
        E item = (E) items[head];
        items[head] = null;  // removed items are not retained
        if (++head == items.length) {
            head = 0;
        }
        count--;
        return item;
    }

    private Object[] growRing() {
        Object[] old = items;
        if (old == null) {
            int max = maxsize;
            return items = new Object[max > 0 && max < INITIAL_CAPACITY ? max : INITIAL_CAPACITY];
        }
        Object[] grown = new Object[Storage.grownLength(old.length)];
        for (int i = 0; i < count; i++) {
            grown[i] = old[(head + i) % old.length];
        }
        head = 0;
        tail = count;
        return items = grown;
    }

    /** The next item in get() order without removing it, or null. Lock held. Built-in storage only. */
    E storagePeek() {
        if (count == 0) {
            return null;
        }
        @SuppressWarnings("unchecked")
        E item = (E) items[head];
        return item;
    }

    /** The stored items in get() order (a copy). Lock held. */
    Object[] storageSnapshot() {
        Object[] copy = new Object[count];
        for (int i = 0; i < count; i++) {
            copy[i] = items[(head + i) % items.length];
        }
        return copy;
    }

    /**
     * Removes the stored items that match (only the first in get() order when {@code firstOnly}), keeping the
     * order of the others; returns how many were removed. Lock held.
     */
    int storageRemoveIf(Predicate<Object> filter, boolean firstOnly) {
        int n = count;
        Object[] items = this.items;
        // Pass 1 asks the filter about every item (get() order) before anything moves: if it throws, the
        // queue is unchanged.
        boolean[] remove = Storage.marks(n, i -> filter.test(items[(head + i) % items.length]), firstOnly);
        if (remove == null) {
            return 0;
        }
        int len = items.length;
        int kept = 0;
        for (int i = 0; i < n; i++) {
            Object x = items[(head + i) % len];
            if (!remove[i]) {
                items[(head + kept) % len] = x;
                kept++;
            }
        }
        for (int i = kept; i < n; i++) {
            items[(head + i) % len] = null;
        }
        count = kept;
        tail = (head + kept) % len;
        return n - kept;
    }

    // ------------------------------------------------------------------ the two cores

    /**
     * Puts {@code item} per {@code mode}; returns OK, FULL or SHUT_DOWN. TIMED with negative nanos throws
     * IllegalArgumentException on a bounded queue (after the shutdown check, as CPython).
     */
    private int doPut(E item, int mode, long nanos) throws InterruptedException {
        Objects.requireNonNull(item, "item must not be null");
        final ReentrantLock lock = this.lock;
        // Only a blocking put on a bounded queue may wait: only it honours an interrupt on entry.
        if (mode == FOREVER || (mode == TIMED && nanos > 0)) {
            if (maxsize > 0) {
                lock.lockInterruptibly();
            } else {
                lock.lock();
            }
        } else {
            lock.lock();
        }
        try {
            if (isShutdown) {
                return SHUT_DOWN;
            }
            int max = maxsize;
            if (max > 0) {
                if (mode == TIMED && nanos < 0) {
                    throw new IllegalArgumentException("'timeout' must be a non-negative number");
                }
                if (storageSize() >= max) {
                    if (mode == NOWAIT) {
                        return FULL;
                    }
                    putWaiters++;
                    try {
                        do {
                            if (mode == FOREVER) {
                                notFull.await();
                            } else if (nanos <= 0L) {
                                return FULL;
                            } else {
                                nanos = notFull.awaitNanos(nanos);
                            }
                            if (isShutdown) {
                                return SHUT_DOWN;
                            }
                        } while ((max = maxsize) > 0 && storageSize() >= max);
                    } finally {
                        putWaiters--;
                    }
                }
            }
            storagePut(item);
            unfinishedTasks++;
            if (getWaiters > 0) {
                notEmpty.signal();
            }
            return OK;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Gets per {@code mode}: the item, null when empty (no wait, or timed out), or SHUT_DOWN_MARKER when shut
     * down and empty. TIMED with negative nanos throws IllegalArgumentException (after the shutdown check).
     */
    private Object doGet(int mode, long nanos) throws InterruptedException {
        final ReentrantLock lock = this.lock;
        if (mode == FOREVER || (mode == TIMED && nanos > 0)) {
            lock.lockInterruptibly();
        } else {
            lock.lock();
        }
        try {
            if (storageSize() == 0) {
                if (isShutdown) {
                    return SHUT_DOWN_MARKER;
                }
                if (mode == NOWAIT) {
                    return null;
                }
                if (mode == TIMED && nanos < 0) {
                    throw new IllegalArgumentException("'timeout' must be a non-negative number");
                }
                getWaiters++;
                try {
                    do {
                        if (mode == FOREVER) {
                            notEmpty.await();
                        } else if (nanos <= 0L) {
                            return null;
                        } else {
                            nanos = notEmpty.awaitNanos(nanos);
                        }
                        if (isShutdown && storageSize() == 0) {
                            return SHUT_DOWN_MARKER;
                        }
                    } while (storageSize() == 0);
                } finally {
                    getWaiters--;
                }
            } else if (mode == TIMED && nanos < 0) {
                throw new IllegalArgumentException("'timeout' must be a non-negative number");
            }
            E item = storageGet();
            if (putWaiters > 0) {
                notFull.signal();
            }
            return item;
        } finally {
            lock.unlock();
        }
    }

    private ShutDown shutDownOnPut() {
        return new ShutDown("put on a shut-down queue: " + this);
    }

    /** Duration to nanoseconds, saturating (beyond ~292 years is forever for all practical purposes). */
    private static long nanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLarge) {
            return timeout.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** After discarding {@code n} items (lock held): finishes their tasks, wakes putters and joiners. */
    private void discarded(int n) {
        if (n == 0) {
            return;
        }
        unfinishedTasks = Math.max(0, unfinishedTasks - n);
        if (unfinishedTasks == 0 && joinWaiters > 0) {
            allTasksDone.signalAll();
        }
        wakePutters(n);
    }

    /** Wakes up to {@code n} waiting putters after {@code n} items left (lock held). */
    private void wakePutters(int n) {
        for (int i = 0, w = putWaiters; i < n && i < w; i++) {
            notFull.signal();
        }
    }

    // ------------------------------------------------------------------ BlockingQueue

    /**
     * JDK {@link BlockingQueue#offer(Object)}: puts without waiting; {@code false} if the queue is full or
     * shut down. Counts as a put (one more unfinished task).
     */
    @Override
    public boolean offer(E item) {
        try {
            return doPut(item, NOWAIT, 0L) == OK;
        } catch (InterruptedException impossible) {
            throw new AssertionError(impossible);
        }
    }

    /**
     * JDK {@link BlockingQueue#offer(Object, long, TimeUnit)}: waits up to the timeout for room (zero or
     * negative: no wait); {@code false} on timeout or when the queue is shut down (also while waiting).
     *
     * @throws InterruptedException if interrupted before or while waiting (status cleared; nothing stored)
     */
    @Override
    public boolean offer(E item, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        return doPut(item, nanos > 0 ? TIMED : NOWAIT, nanos) == OK;
    }

    /** JDK {@link java.util.Queue#add(Object)}: as {@link #offer(Object)}, but throws {@link Full} or {@link ShutDown}. */
    @Override
    public boolean add(E item) {
        int status;
        try {
            status = doPut(item, NOWAIT, 0L);
        } catch (InterruptedException impossible) {
            throw new AssertionError(impossible);
        }
        if (status == FULL) {
            throw new Full("queue full: " + this);
        } else if (status == SHUT_DOWN) {
            throw shutDownOnPut();
        }
        return true;
    }

    /**
     * JDK {@link BlockingQueue#take()}: as {@link #get()} with the JDK's checked interrupt.
     *
     * @throws InterruptedException if interrupted before or while waiting (status cleared; nothing removed)
     * @throws ShutDown if the queue is shut down and empty
     */
    @Override
    public E take() throws InterruptedException {
        Object x = doGet(FOREVER, 0L);
        if (x == SHUT_DOWN_MARKER) {
            throw new ShutDown();
        }
        @SuppressWarnings("unchecked")
        E item = (E) x;
        return item;
    }

    /** JDK {@link java.util.Queue#poll()}: the next item, or {@code null} if the queue is empty (shut down or not). */
    @Override
    public E poll() {
        try {
            return itemOrNull(doGet(NOWAIT, 0L));
        } catch (InterruptedException impossible) {
            throw new AssertionError(impossible);
        }
    }

    /**
     * JDK {@link BlockingQueue#poll(long, TimeUnit)}: waits up to the timeout for an item (zero or negative:
     * no wait); {@code null} on timeout, or at once when the queue is shut down and empty.
     *
     * @throws InterruptedException if interrupted before or while waiting (status cleared; nothing removed)
     */
    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        return itemOrNull(doGet(nanos > 0 ? TIMED : NOWAIT, nanos));
    }

    private E itemOrNull(Object x) {
        if (x == SHUT_DOWN_MARKER) {
            return null;
        }
        @SuppressWarnings("unchecked")
        E item = (E) x;
        return item;
    }

    /** JDK {@link java.util.Queue#remove()}: as {@link #poll()}, but throws {@link Empty} when empty. */
    @Override
    public E remove() {
        E item = poll();
        if (item == null) {
            throw new Empty();
        }
        return item;
    }

    /** JDK {@link java.util.Queue#peek()}: the item {@code get()} would return next, or {@code null}. */
    @Override
    public E peek() {
        final ReentrantLock lock = this.lock;
        lock.lock();
        try {
            return storagePeek();
        } finally {
            lock.unlock();
        }
    }

    /** JDK {@link java.util.Queue#element()}: as {@link #peek()}, but throws {@link Empty} when empty. */
    @Override
    public E element() {
        E item = peek();
        if (item == null) {
            throw new Empty();
        }
        return item;
    }

    /** {@link #qsize()}. */
    @Override
    public int size() {
        return qsize();
    }

    /** {@link #empty()}. */
    @Override
    public boolean isEmpty() {
        return empty();
    }

    /** {@code maxsize - qsize()} (not below 0), or {@link Integer#MAX_VALUE} when unbounded; racy. */
    @Override
    public int remainingCapacity() {
        final ReentrantLock lock = this.lock;
        lock.lock();
        try {
            int max = maxsize;
            return max <= 0 ? Integer.MAX_VALUE : Math.max(0, max - storageSize());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int drainTo(Collection<? super E> c) {
        return drainTo(c, Integer.MAX_VALUE);
    }

    /**
     * JDK {@link BlockingQueue#drainTo(Collection, int)}: moves up to {@code maxElements} items, in get()
     * order, to {@code c}; counts as that many gets (the caller owes their {@code taskDone()}). If
     * {@code c.add} throws, the item it refused stays in the queue.
     */
    @Override
    public int drainTo(Collection<? super E> c, int maxElements) {
        Objects.requireNonNull(c, "c");
        if (c == this) {
            throw new IllegalArgumentException("c must not be this queue");
        }
        if (maxElements <= 0) {
            return 0;
        }
        final ReentrantLock lock = this.lock;
        lock.lock();
        int n = 0;
        try {
            while (n < maxElements && storageSize() > 0) {
                c.add(storagePeek());
                storageGet();
                n++;
            }
            return n;
        } finally {
            wakePutters(n);
            lock.unlock();
        }
    }

    /** Whether some stored item equals {@code o}; a snapshot answer. */
    @Override
    public boolean contains(Object o) {
        if (o == null) {
            return false;
        }
        final ReentrantLock lock = this.lock;
        lock.lock();
        try {
            for (Object x : storageSnapshot()) {
                if (o.equals(x)) {
                    return true;
                }
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * JDK {@link java.util.Collection#remove(Object)}: discards the first stored item (in get() order) equal to
     * {@code o}, finishing its task (see the class comment); {@code false} if there is none.
     */
    @Override
    public boolean remove(Object o) {
        if (o == null) {
            return false;
        }
        return discardIf(o::equals, true) > 0;
    }

    /** Discards every stored item that matches, finishing their tasks; wakes putters and joiners. */
    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        Objects.requireNonNull(filter, "filter");
        @SuppressWarnings("unchecked")
        Predicate<Object> f = (Predicate<Object>) filter;
        return discardIf(f, false) > 0;
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        Objects.requireNonNull(c, "c");
        return discardIf(c::contains, false) > 0;
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        Objects.requireNonNull(c, "c");
        return discardIf(x -> !c.contains(x), false) > 0;
    }

    /** Discards every stored item, finishing their tasks (as an immediate shutdown, without shutting down). */
    @Override
    public void clear() {
        final ReentrantLock lock = this.lock;
        lock.lock();
        try {
            int n = 0;
            while (storageSize() > 0) {
                storageGet();
                n++;
            }
            discarded(n);
        } finally {
            lock.unlock();
        }
    }

    private int discardIf(Predicate<Object> filter, boolean firstOnly) {
        final ReentrantLock lock = this.lock;
        lock.lock();
        try {
            int n = storageRemoveIf(filter, firstOnly);
            discarded(n);
            return n;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A snapshot of the stored items taken under the lock, in get() order ({@link PriorityQueue}: heap order).
     * {@link Iterator#remove()} discards that item from the queue if it is still there (see
     * {@link #remove(Object)}, by identity).
     */
    @Override
    public Iterator<E> iterator() {
        final Object[] snapshot;
        final ReentrantLock lock = this.lock;
        lock.lock();
        try {
            snapshot = storageSnapshot();
        } finally {
            lock.unlock();
        }
        return new Iterator<>() {
            private int next;
            private int last = -1;

            @Override
            public boolean hasNext() {
                return next < snapshot.length;
            }

            @Override
            public E next() {
                if (next >= snapshot.length) {
                    throw new NoSuchElementException();
                }
                last = next++;
                @SuppressWarnings("unchecked")
                E item = (E) snapshot[last];
                return item;
            }

            @Override
            public void remove() {
                if (last < 0) {
                    throw new IllegalStateException("next() not called, or remove() already called");
                }
                Object x = snapshot[last];
                last = -1;
                discardIf(y -> y == x, true);
            }
        };
    }

    @Override
    public Object[] toArray() {
        final ReentrantLock lock = this.lock;
        lock.lock();
        try {
            return storageSnapshot();
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ toString

    /** {@code <Queue at 0x1b6d3586: qsize=3 maxsize=5 unfinished=3>}, with {@code shutdown} once shut down. */
    @Override
    public String toString() {
        final ReentrantLock lock = this.lock;
        lock.lock();
        try {
            String name = getClass().getSimpleName();
            return "<" + (name.isEmpty() ? "Queue" : name) + " at 0x" + Integer.toHexString(System.identityHashCode(this))
                    + ": qsize=" + storageSize() + " maxsize=" + maxsize + " unfinished=" + unfinishedTasks
                    + (isShutdown ? " shutdown>" : ">");
        } finally {
            lock.unlock();
        }
    }
}

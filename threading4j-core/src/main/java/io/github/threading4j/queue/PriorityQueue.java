package io.github.threading4j.queue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Python's {@code queue.PriorityQueue}: a {@link Queue} whose {@code get} returns the smallest item first —
 * by the items' natural order ({@link Comparable}) or by a {@link Comparator} — and which, unlike the JDK's
 * {@link java.util.concurrent.PriorityBlockingQueue}, can be bounded, counts tasks and can be shut down.
 *
 * <pre>{@code
 * record Job(int priority, String name) {}
 * PriorityQueue<Job> jobs = new PriorityQueue<>(100, Comparator.comparingInt(Job::priority));
 * jobs.put(new Job(2, "index"), true);
 * jobs.put(new Job(1, "fetch"), true);
 * jobs.put(new Job(2, "report"), true);
 * jobs.get();   // fetch, then index, then report (equal priorities: first in, first out)
 * }</pre>
 *
 * <p><b>Equal items come out first-in first-out.</b> CPython's heap compares the items themselves and is not
 * stable: items that compare equal come out in an unspecified order, which is why Python code puts
 * {@code (priority, counter, data)} tuples. Here every item is stored with a sequence number taken when it
 * is put and ties are broken by it, so a comparator on the priority alone is enough and order among equals
 * is predictable. CPython's unspecified order allows this; nothing else about the ordering differs.
 *
 * <p><b>Incomparable items.</b> Without a comparator the items must be {@link Comparable}; a {@code put}
 * whose comparison throws ({@link ClassCastException}, or whatever the comparator throws) leaves the queue
 * exactly as it was: nothing stored, no task counted. (CPython's {@code heappush} has already appended the
 * item when the comparison raises {@code TypeError}; we do not reproduce that.)
 *
 * <p>Iteration runs over the heap array (no particular order); {@link #shutdown(boolean) shutdown(true)}
 * returns the removed items in priority order. Storage: a binary min-heap in an array with the sequence
 * numbers in a parallel {@code long[]} (no wrapper object per item), growing by doubling.
 *
 * @param <E> the type of the items
 */
public class PriorityQueue<E> extends Queue<E> {
    /** Null for natural order. */
    private final Comparator<? super E> comparator;
    /** A min-heap of {@code size} items by (comparator, seq); {@code seqs[i]} belongs to {@code heap[i]}. Guarded by the queue's lock. */
    private Object[] heap;
    private long[] seqs;
    private int size;
    /** The sequence number of the next put; only grows. Guarded by the queue's lock. */
    private long nextSeq;

    /** An unbounded queue of {@link Comparable} items. */
    public PriorityQueue() {
        this(0, null);
    }

    /** A queue of at most {@code maxsize} {@link Comparable} items; {@code maxsize <= 0} means unbounded. */
    public PriorityQueue(int maxsize) {
        this(maxsize, null);
    }

    /** An unbounded queue ordered by {@code comparator} ({@code null}: natural order). */
    public PriorityQueue(Comparator<? super E> comparator) {
        this(0, comparator);
    }

    /** A queue of at most {@code maxsize} items ordered by {@code comparator} ({@code null}: natural order). */
    public PriorityQueue(int maxsize, Comparator<? super E> comparator) {
        super(maxsize);
        this.comparator = comparator;
    }

    /** The comparator, or {@code null} for the items' natural order. */
    public Comparator<? super E> comparator() {
        return comparator;
    }

    @Override
    protected int storageSize() {
        assert lock.isHeldByCurrentThread();
        return size;
    }

    /**
     * Stores {@code item} in the heap. The comparisons are made before anything moves, so one that throws
     * leaves the heap unchanged.
     *
     * @throws ClassCastException if there is no comparator and {@code item} is not {@link Comparable}, or
     *     the comparison throws it
     */
    @Override
    protected void storagePut(E item) {
        assert lock.isHeldByCurrentThread();
        if (comparator == null) {
            Objects.requireNonNull((Comparable<?>) item);  // the cast: ClassCastException before any change
        }
        long seq = nextSeq;
        int k = size;
        // Pass 1: find where the item settles, comparing only (ancestors do not move): may throw.
        int hole = k;
        while (hole > 0) {
            int parent = (hole - 1) >>> 1;
            if (compare(item, seq, heap[parent], seqs[parent]) >= 0) {
                break;
            }
            hole = parent;
        }
        if (heap == null) {
            int max = maxsize();
            int length = max > 0 && max < 16 ? max : 16;
            heap = new Object[length];
            seqs = new long[length];
        } else if (k == heap.length) {
            int length = Storage.grownLength(k);
            heap = Arrays.copyOf(heap, length);
            seqs = Arrays.copyOf(seqs, length);
        }
        // Pass 2: shift the ancestors on the path down by one level, then place the item.
        Object[] heap = this.heap;
        long[] seqs = this.seqs;
        while (k > hole) {
            int parent = (k - 1) >>> 1;
            heap[k] = heap[parent];
            seqs[k] = seqs[parent];
            k = parent;
        }
        heap[hole] = item;
        seqs[hole] = seq;
        size++;
        nextSeq = seq + 1;
    }

    /**
     * Removes and returns the smallest item (the earliest put among equals). The comparisons are made before
     * anything moves, so one that throws leaves the heap unchanged.
     */
    @Override
    protected E storageGet() {
        assert lock.isHeldByCurrentThread();
        Object[] heap = this.heap;
        long[] seqs = this.seqs;
        int n = size - 1;
        @SuppressWarnings("unchecked")
        E result = (E) heap[0];
        if (n == 0) {
            heap[0] = null;
            size = 0;
            return result;
        }
        Object last = heap[n];
        long lastSeq = seqs[n];
        // Pass 1: the path the hole takes from the root (comparisons only; may throw).
        int hole = settleDown(last, lastSeq, n);
        // Pass 2: move each item on the root-to-hole path up one level, then place the last item. The path
        // is read off the hole's index (node h's ancestor at depth d is ((h + 1) >>> (D - d)) - 1), so this
        // pass compares nothing and cannot throw.
        int depth = 31 - Integer.numberOfLeadingZeros(hole + 1);
        int k = 0;
        for (int d = 1; d <= depth; d++) {
            int child = ((hole + 1) >>> (depth - d)) - 1;
            heap[k] = heap[child];
            seqs[k] = seqs[child];
            k = child;
        }
        heap[hole] = last;
        seqs[hole] = lastSeq;
        heap[n] = null;  // removed items are not retained
        size = n;
        return result;
    }

    /** Where {@code x} settles when sifted down from the root of a heap of {@code n} items. Compares only. */
    private int settleDown(Object x, long seq, int n) {
        int k = 0;
        int half = n >>> 1;
        while (k < half) {
            int child = smallerChild(k, n);
            if (compare(x, seq, heap[child], seqs[child]) <= 0) {
                break;
            }
            k = child;
        }
        return k;
    }

    /** The smaller of {@code k}'s children among the first {@code n} slots ({@code k} has at least one). */
    private int smallerChild(int k, int n) {
        int child = (k << 1) + 1;
        int right = child + 1;
        if (right < n && compare(heap[right], seqs[right], heap[child], seqs[child]) < 0) {
            child = right;
        }
        return child;
    }

    @SuppressWarnings("unchecked")
    private int compare(Object a, long seqA, Object b, long seqB) {
        int c = comparator == null
                ? ((Comparable<Object>) a).compareTo(b)
                : ((Comparator<Object>) comparator).compare(a, b);
        return c != 0 ? c : Long.compare(seqA, seqB);
    }

    @Override
    E storagePeek() {
        if (size == 0) {
            return null;
        }
        @SuppressWarnings("unchecked")
        E item = (E) heap[0];
        return item;
    }

    @Override
    Object[] storageSnapshot() {
        return size == 0 ? new Object[0] : Arrays.copyOf(heap, size);
    }

    @Override
    int storageRemoveIf(Predicate<Object> filter, boolean firstOnly) {
        int n = size;
        Object[] heap = this.heap;
        boolean[] remove = Storage.marks(n, i -> filter.test(heap[i]), firstOnly);  // asks first, moves after
        if (remove == null) {
            return 0;
        }
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (!remove[i]) {
                heap[kept] = heap[i];
                seqs[kept] = seqs[i];
                kept++;
            }
        }
        Arrays.fill(heap, kept, n, null);
        size = kept;
        // Rebuild the heap (Floyd); the sequence numbers keep ties in put order.
        for (int i = (kept >>> 1) - 1; i >= 0; i--) {
            siftDown(i, kept);
        }
        return n - kept;
    }

    private void siftDown(int k, int n) {
        Object x = heap[k];
        long seq = seqs[k];
        int half = n >>> 1;
        while (k < half) {
            int child = smallerChild(k, n);
            if (compare(x, seq, heap[child], seqs[child]) <= 0) {
                break;
            }
            heap[k] = heap[child];
            seqs[k] = seqs[child];
            k = child;
        }
        heap[k] = x;
        seqs[k] = seq;
    }
}

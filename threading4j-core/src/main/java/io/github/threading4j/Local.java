package io.github.threading4j;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Python's {@code threading.local}: one value per thread. A value set by one thread is invisible to every
 * other thread, which sees its own value or none.
 *
 * <p>Python's {@code local} is a namespace of attributes; a {@code Local<T>} holds one typed value, the
 * equivalent of one attribute: {@code get()} reads it ({@link NoSuchElementException} where Python raises
 * {@code AttributeError}), {@code set} assigns, {@code remove} deletes, {@code isSet} is {@code hasattr}.
 * Several attributes become a record in one {@code Local}, or several {@code Local}s. A subclass of
 * {@code local} with an {@code __init__} becomes {@link #withInitial(Supplier)} or a subclass overriding
 * {@link #initialValue()}: it runs once per thread, at that thread's first use of the {@code Local} (any
 * method); a {@code null} result leaves the value unset.
 *
 * <pre>{@code
 * // the tutorials' "Thread-Local Data": each thread has its own copy
 * static final Local<Integer> LOCAL_DATA = new Local<>();
 *
 * static void worker(int value) {
 *     LOCAL_DATA.set(value);
 *     System.out.println("Thread " + Threading.currentThread().getName() + ": " + LOCAL_DATA.get());
 * }
 *
 * List<Thread> threads = new ArrayList<>();
 * for (int i = 0; i < 3; i++) {
 *     int value = i;
 *     Thread t = Threading.thread(() -> worker(value));
 *     t.setName("Worker-" + i);
 *     threads.add(t);
 * }
 * threads.forEach(Thread::start);
 * threads.forEach(Threading::join);     // prints "Thread Worker-0: 0", "Thread Worker-1: 1", ...
 * }</pre>
 *
 * <p>Unlike {@link ThreadLocal}, an unset value is not {@code null} but an error, and the initializer does
 * not run again after {@link #remove()}: a removed value stays unset until {@link #set} (Python's {@code del}).
 * {@code null} is not a value ({@code set(null)} throws). Built on {@code ThreadLocal}, so it works on platform
 * and virtual threads alike; a thread's value becomes unreachable when the thread ends, and the
 * {@code Local}'s entries are dropped once the {@code Local} itself is unreachable (lazily, as
 * {@code ThreadLocal}'s are).
 *
 * <p>Memory consistency: a value is only ever read by the thread that stored it; no synchronisation is
 * involved.
 *
 * @param <T> the type of the value
 */
public class Local<T> {

    /** Stored after {@link #remove()} or a {@code null} initial value: "no value, initializer already ran". */
    private static final Object UNSET = new Object();

    /** The thread's value, {@link #UNSET}, or (before first use) absent: then the initializer runs. */
    private final ThreadLocal<Object> values = new ThreadLocal<>() {
        @Override
        protected Object initialValue() {
            T v = Local.this.initialValue();
            return v == null ? UNSET : v;
        }
    };

    private final Supplier<? extends T> initializer;

    /** Python's {@code local()}: no initializer; every thread starts unset. */
    public Local() {
        this.initializer = null;
    }

    private Local(Supplier<? extends T> initializer) {
        this.initializer = initializer;
    }

    /**
     * A {@code Local} whose value in each thread starts as {@code initializer.get()}, called once per thread at
     * its first use of the {@code Local} (Python: a subclass whose {@code __init__} sets the attribute).
     */
    public static <T> Local<T> withInitial(Supplier<? extends T> initializer) {
        return new Local<>(Objects.requireNonNull(initializer, "initializer"));
    }

    /**
     * The value a thread starts with, computed once per thread at its first use of this {@code Local};
     * {@code null} = unset. Calls the {@link #withInitial(Supplier)} initializer, else returns {@code null};
     * subclasses may override it (Python's {@code __init__} of a {@code local} subclass).
     */
    protected T initialValue() {
        return initializer == null ? null : initializer.get();
    }

    /**
     * Python's {@code obj.x}: the calling thread's value.
     *
     * @throws NoSuchElementException if the calling thread has no value (Python's {@code AttributeError})
     */
    @SuppressWarnings("unchecked")
    public T get() {
        Object v = values.get();
        if (v == UNSET) {
            throw new NoSuchElementException("value is not set in thread " + Thread.currentThread().getName());
        }
        return (T) v;
    }

    /**
     * Python's {@code obj.x = value}: sets the calling thread's value (running the initializer first if this is
     * the thread's first use).
     *
     * @throws NullPointerException if {@code value} is null
     */
    public void set(T value) {
        Objects.requireNonNull(value, "value");
        values.get(); // first use in this thread runs the initializer, as CPython's __init__ before a setattr
        values.set(value);
    }

    /** Python's {@code del obj.x}: the calling thread's value becomes unset; the initializer does not run again. */
    public void remove() {
        values.set(UNSET);
    }

    /** Python's {@code hasattr(obj, 'x')}: whether the calling thread has a value. */
    public boolean isSet() {
        return values.get() != UNSET;
    }

    /** {@code <Local at 0x…: set>} or {@code unset}, for the calling thread (a use: it may run the initializer). */
    @Override
    public String toString() {
        return "<Local at 0x" + Integer.toHexString(System.identityHashCode(this))
                + ": " + (isSet() ? "set" : "unset") + ">";
    }
}

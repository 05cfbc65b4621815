/**
 * Python's {@code queue} module on the JVM: {@link io.github.threading4j.queue.Queue} (FIFO),
 * {@link io.github.threading4j.queue.LifoQueue} (LIFO), {@link io.github.threading4j.queue.PriorityQueue}
 * (smallest first; bounded if asked, FIFO among equals) and {@link io.github.threading4j.queue.SimpleQueue}
 * (unbounded FIFO with a lock-free put), with the exceptions {@link io.github.threading4j.queue.Empty},
 * {@link io.github.threading4j.queue.Full} and {@link io.github.threading4j.queue.ShutDown}.
 *
 * <p>The first three share one implementation, as in CPython: one lock, three conditions ({@code notEmpty},
 * {@code notFull}, {@code allTasksDone}), task counting for {@code taskDone()}/{@code join()}, and
 * {@code shutdown()} (CPython 3.13). Every queue is also a {@link java.util.concurrent.BlockingQueue}, so it
 * can serve as the work queue of a JDK executor; the JDK methods keep their contracts and count as Python
 * puts and gets (see {@link io.github.threading4j.queue.Queue}).
 *
 * <p>Ordering: an item put happens-before the get that receives it. {@code null} items are refused
 * ({@link java.lang.NullPointerException}); use {@code shutdown()} where Python code puts a {@code None}
 * sentinel. Python-named blocking calls throw the unchecked
 * {@link io.github.threading4j.UncheckedInterruptedException} on interrupt and keep the interrupt status; the
 * {@code BlockingQueue} methods throw the checked {@link java.lang.InterruptedException}.
 */
package io.github.threading4j.queue;

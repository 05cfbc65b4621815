/**
 * Contract tests showing that JDK code can rely on our implementations of JDK interfaces, ported from the
 * JSR-166 TCK (openjdk/jdk {@code test/jdk/java/util/concurrent/tck/}): one abstract class per interface with a
 * factory method, one short subclass per implementation, every test on platform and virtual threads.
 *
 * <ul>
 *   <li>{@link io.github.threading4j.tck.BlockingQueueContractTests} ({@code BlockingQueueTest},
 *       {@code AbstractQueueTest}, {@code Collection8Test}, {@code LinkedBlockingQueueTest}) on {@code Queue},
 *       {@code LifoQueue}, {@code PriorityQueue} (bounded and unbounded) and {@code SimpleQueue};</li>
 *   <li>{@link io.github.threading4j.tck.LockContractTests} ({@code ReentrantLockTest}, the Lock and Condition
 *       parts) on the owner-less {@code Lock} and the owner-checked {@code RLock};</li>
 *   <li>{@link io.github.threading4j.tck.FutureContractTests} ({@code FutureTaskTest}) and
 *       {@link io.github.threading4j.tck.ExecutorServiceContractTests} ({@code AbstractExecutorServiceTest},
 *       {@code ThreadPoolExecutorTest}) on {@code ThreadPoolExecutor} and {@code VirtualThreadExecutor}, with
 *       {@code CompletableFuture} and {@code ExecutorCompletionService} driving them;</li>
 *   <li>{@link io.github.threading4j.tck.JdkThreadPoolOnOurQueuesTests}: our queues as the work queue of the JDK's
 *       {@code ThreadPoolExecutor}.</li>
 * </ul>
 *
 * Where our classes deliberately differ from the JDK class a test was written for (documented in
 * java-mapping.md and futures.md), the test asserts our documented behaviour and says so in one line.
 */
package io.github.threading4j.tck;

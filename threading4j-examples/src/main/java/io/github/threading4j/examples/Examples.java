package io.github.threading4j.examples;

import java.util.List;
import java.util.Optional;

/**
 * Every example, in the order a reader of the tutorials meets them: what {@code threading4j demo} lists.
 * {@code docs/EXAMPLES.md} maps each tutorial section to one of these.
 */
public final class Examples {
    private Examples() {}

    public static final List<Example> ALL = List.of(
            new Example("threads-basic", "start threads with a target and arguments, join them all",
                    ThreadsBasic::run),
            new Example("thread-arguments", "a plain target, arguments, keyword arguments, five workers",
                    ThreadArguments::run),
            new Example("thread-subclass", "a Thread subclass overriding run(); start() vs run()",
                    ThreadSubclass::run),
            new Example("thread-properties", "name, ident, isAlive, isDaemon, Threading.enumerate()",
                    ThreadProperties::run),
            new Example("join-timeout", "join with a timeout, then ask isAlive()",
                    JoinTimeout::run),
            new Example("daemon", "a daemon loop does not keep the JVM alive; critical work on a non-daemon thread",
                    DaemonThreads::runInChildJvm),
            new Example("counter-race", "two threads, 100,000 increments each: without a lock, with one (200,000)",
                    CounterRace::run),
            new Example("counter-class", "a Counter class guarded by a Lock: exactly 10,000",
                    CounterClass::run),
            new Example("lock-context-manager", "with lock: as try (var held = lock.hold()), a shared list",
                    LockContextManager::run),
            new Example("rlock-recursion", "a recursive function taking the same RLock at every level",
                    RLockRecursion::run),
            new Example("rlock-account", "Account transfers with RLock, both locks in one order: no deadlock",
                    RLockAccount::run),
            new Example("semaphore", "at most 3 of 10 threads inside at once (a concurrency cap, not a rate limit)",
                    SemaphoreLimitedResource::run),
            new Example("event", "two waiters released by one Event.set()",
                    EventSignaling::run),
            new Example("condition-buffer", "a bounded buffer on a Condition: producer and consumer",
                    ConditionBoundedBuffer::run),
            new Example("condition-data-ready", "wait for a predicate, not a bare notify: no lost wake-up",
                    ConditionDataReady::run),
            new Example("barrier", "three workers meet at a Barrier between two phases",
                    BarrierPhases::run),
            new Example("timer", "a Timer that fires after a delay, and one cancelled before it fires",
                    TimerDelayed::run),
            new Example("thread-local", "one Local, a separate value per thread (platform and virtual)",
                    ThreadLocalData::run),
            new Example("queue-producer-consumer", "a producer, two consumers, timed get, taskDone and join",
                    QueueProducerConsumer::run),
            new Example("queue-bounded-sentinel", "a bounded queue stopped by a sentinel, then by shutdown()",
                    QueueBoundedSentinel::run),
            new Example("priority-queue", "a PriorityQueue yields tasks by priority",
                    PriorityQueueExample::run),
            new Example("lifo-queue", "a LifoQueue yields 4, 3, 2, 1, 0",
                    LifoQueueExample::run),
            new Example("web-scraper", "a URL queue and three workers fetching from the local server",
                    WebScraper::run),
            new Example("pool-as-completed", "ThreadPoolExecutor.submit and asCompleted, with an error",
                    PoolAsCompleted::run),
            new Example("pool-map", "ThreadPoolExecutor.map in input order, submit then result",
                    PoolMap::run),
            new Example("api-client", "a concurrent API client: a pool as concurrency cap plus a real RateLimiter",
                    ApiClient::run),
            new Example("gil", "CPU-bound and I/O-bound work on one thread and many: no GIL on the JVM",
                    GilDemonstration::run),
            new Example("exercise-1-url-fetcher", "exercise 1: 50 URLs sequentially, then on a thread pool",
                    Exercise1UrlFetcher::run),
            new Example("exercise-2-counter-race", "exercise 2: 10 threads x 100,000 without a lock, then with one",
                    Exercise2CounterRace::run),
            new Example("exercise-3-producer-consumer", "exercise 3: producers, a consumer pool, sentinel shutdown",
                    Exercise3ProducerConsumer::run),
            new Example("exercise-4-cpu-vs-io", "exercise 4: CPU-bound vs I/O-bound work on 1, 2, 4, 8 threads",
                    Exercise4CpuVsIo::run));

    /** The example named {@code name}, if any. */
    public static Optional<Example> named(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}

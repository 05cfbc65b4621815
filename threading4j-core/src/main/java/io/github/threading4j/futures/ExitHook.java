package io.github.threading4j.futures;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * D6: the one JVM shutdown hook of the package. Worker threads are daemons, so an executor never keeps the
 * JVM alive; at exit this hook does what CPython's {@code _python_exit} does: it marks "interpreter shutdown"
 * (later submits are refused), tells every live executor to shut down, and waits until their queued and
 * running work is done. {@code Runtime.halt} and crashes skip it.
 */
final class ExitHook {

    /** An executor's side of the exit: shut down without waiting, then wait for the work to end. */
    interface Pool {
        void beginExit();

        void awaitExit();

        /** Whether all its work is done, so it can be forgotten (for pools that cannot unregister themselves). */
        default boolean finished() {
            return false;
        }
    }

    /** Python's global {@code _shutdown}: set once the hook started; submit then refuses. */
    static volatile boolean interpreterShutdown;

    /** Executors that may still have work; each removes itself when it terminates. */
    private static final Set<Pool> LIVE = ConcurrentHashMap.newKeySet();

    private ExitHook() {}

    private static final class Installed {
        static {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(ExitHook::run, "threading4j-futures-exit"));
            } catch (IllegalStateException alreadyExiting) {
                interpreterShutdown = true;
            }
        }

        static void ensure() {}
    }

    /** {@link #LIVE}'s size at which registering forgets finished pools (amortised: doubles after a purge). */
    private static final AtomicInteger PURGE_AT = new AtomicInteger(64);

    static void register(Pool pool) {
        Installed.ensure();
        LIVE.add(pool);
        int purgeAt = PURGE_AT.get();
        if (LIVE.size() >= purgeAt) {
            LIVE.removeIf(Pool::finished);
            PURGE_AT.compareAndSet(purgeAt, Math.max(64, 2 * LIVE.size()));
        }
    }

    static void unregister(Pool pool) {
        LIVE.remove(pool);
    }

    private static void run() {
        interpreterShutdown = true;
        Pool[] pools = LIVE.toArray(new Pool[0]);
        for (Pool p : pools) {
            p.beginExit();
        }
        for (Pool p : pools) {
            p.awaitExit();
        }
    }
}

package io.github.threading4j.futures;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

    static void register(Pool pool) {
        Installed.ensure();
        LIVE.add(pool);
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

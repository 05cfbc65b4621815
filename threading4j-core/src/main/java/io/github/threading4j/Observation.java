package io.github.threading4j;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Holder of the {@link LockObserver} hook. The primitives call the static methods below on every acquire and
 * release; each is a volatile read and a branch when nothing is installed, inlined by the JIT.
 */
final class Observation {
    /** The installed observer or {@code null}; written only by {@link #install}. */
    static volatile LockObserver observer;

    private static final VarHandle OBSERVER;

    static {
        try {
            OBSERVER = MethodHandles.lookup().findStaticVarHandle(Observation.class, "observer", LockObserver.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Observation() {}

    static LockObserver install(LockObserver o) {
        return (LockObserver) OBSERVER.getAndSet(o);
    }

    static void acquired(Object primitive) {
        LockObserver o = observer;
        if (o != null) {
            o.onAcquire(primitive);
        }
    }

    static void released(Object primitive) {
        LockObserver o = observer;
        if (o != null) {
            o.onRelease(primitive);
        }
    }

    static void waitStart(Object primitive) {
        LockObserver o = observer;
        if (o != null) {
            o.onWaitStart(primitive);
        }
    }

    static void waitEnd(Object primitive) {
        LockObserver o = observer;
        if (o != null) {
            o.onWaitEnd(primitive);
        }
    }
}

package io.github.threading4j;

import java.time.Duration;

/**
 * What {@code BaseLockTests} needs of a lock: the Python lock protocol shared by {@link Lock}, {@link RLock}
 * and {@link Condition}, which have no common Java interface for it (CPython's tests rely on duck typing).
 */
interface LockLike {
    boolean acquire();

    boolean acquire(boolean blocking);

    boolean acquire(Duration timeout);

    boolean acquire(boolean blocking, Duration timeout);

    void release();

    boolean locked();

    Held hold();

    /** The object under test, for toString() checks. */
    Object target();

    /** The RLock itself when the binding is an RLock, else null (for the "RLock only" rows). */
    default RLock rlock() {
        return null;
    }

    static LockLike of(Lock l) {
        return new LockLike() {
            public boolean acquire() { return l.acquire(); }
            public boolean acquire(boolean b) { return l.acquire(b); }
            public boolean acquire(Duration t) { return l.acquire(t); }
            public boolean acquire(boolean b, Duration t) { return l.acquire(b, t); }
            public void release() { l.release(); }
            public boolean locked() { return l.locked(); }
            public Held hold() { return l.hold(); }
            public Object target() { return l; }
            @Override public String toString() { return l.toString(); }
        };
    }

    static LockLike of(RLock l) {
        return new LockLike() {
            public boolean acquire() { return l.acquire(); }
            public boolean acquire(boolean b) { return l.acquire(b); }
            public boolean acquire(Duration t) { return l.acquire(t); }
            public boolean acquire(boolean b, Duration t) { return l.acquire(b, t); }
            public void release() { l.release(); }
            public boolean locked() { return l.locked(); }
            public Held hold() { return l.hold(); }
            public Object target() { return l; }
            public RLock rlock() { return l; }
            @Override public String toString() { return l.toString(); }
        };
    }

    static LockLike of(Condition c) {
        return new LockLike() {
            public boolean acquire() { return c.acquire(); }
            public boolean acquire(boolean b) { return c.acquire(b); }
            public boolean acquire(Duration t) { return c.acquire(t); }
            public boolean acquire(boolean b, Duration t) { return c.acquire(b, t); }
            public void release() { c.release(); }
            public boolean locked() { return c.locked(); }
            public Held hold() { return c.hold(); }
            public Object target() { return c; }
            @Override public String toString() { return c.toString(); }
        };
    }
}

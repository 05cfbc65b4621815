package io.github.threading4j.bench.workloads;

import io.github.threading4j.Held;
import io.github.threading4j.Lock;
import io.github.threading4j.RLock;
import io.github.threading4j.Semaphore;

/**
 * Workload 1 on threading4j: uncontended acquire and release on one thread, written as CPython's
 * {@code with lock: pass} is, {@code try (Held h = lock.hold())}, around an increment of a plain field
 * (so that no section is empty to the JIT). ns per acquire+release pair, loop included.
 * lock_uncontended: {@link Lock}; rlock_uncontended: {@link RLock}; semaphore_uncontended:
 * {@link Semaphore}(1). Check: the primitive is free at the end.
 */
public final class LockUncontended {
    static final int BATCH = 1_000_000;
    static final Lock LOCK = new Lock();
    static final RLock RLOCK = new RLock();
    static final Semaphore SEMAPHORE = new Semaphore(1);
    static long counter;

    private LockUncontended() {}

    static long lockRound() {
        for (int i = 0; i < BATCH; i++) {
            try (Held h = LOCK.hold()) {
                counter++;
            }
        }
        Bench.check(!LOCK.locked(), "lock left held");
        return BATCH;
    }

    static long rlockRound() {
        for (int i = 0; i < BATCH; i++) {
            try (Held h = RLOCK.hold()) {
                counter++;
            }
        }
        Bench.check(!RLOCK.locked(), "rlock left held");
        return BATCH;
    }

    static long semaphoreRound() {
        for (int i = 0; i < BATCH; i++) {
            try (Held h = SEMAPHORE.hold()) {
                counter++;
            }
        }
        Bench.check(SEMAPHORE.acquire(false), "permit lost");
        SEMAPHORE.release();
        return BATCH;
    }

    public static void main(String[] args) throws Exception {
        Bench.Measured m = Bench.measure(LockUncontended::lockRound);
        Bench.result("lock_uncontended", Bench.OURS, m.nanosPerOp(), "ns/op", "ops", m.ops(), "detail", "Lock.hold");
        m = Bench.measure(LockUncontended::rlockRound);
        Bench.result("rlock_uncontended", Bench.OURS, m.nanosPerOp(), "ns/op", "ops", m.ops(), "detail", "RLock.hold");
        m = Bench.measure(LockUncontended::semaphoreRound);
        Bench.result("semaphore_uncontended", Bench.OURS, m.nanosPerOp(), "ns/op", "ops", m.ops(), "detail",
                "Semaphore.hold");
    }
}

package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.threading4j.support.Bunch;
import org.junit.jupiter.api.Test;

/** {@link JdkLockContractTests} on {@link Lock}, whose {@code unlock()} works from any thread. */
class LockJdkContractTests extends JdkLockContractTests {
    @Override
    java.util.concurrent.locks.Lock newLock() {
        return new Lock();
    }

    /** unlock() from another thread is legal; on an unlocked Lock it throws IllegalMonitorStateException. */
    @Test
    void testUnlockFromAnyThread() {
        Lock lock = new Lock();
        lock.lock();
        try (Bunch b = bunch(1, lock::unlock)) {
            assertNotNull(b);
        }
        assertFalse(lock.locked());
        assertThrows(IllegalMonitorStateException.class, lock::unlock);
    }
}

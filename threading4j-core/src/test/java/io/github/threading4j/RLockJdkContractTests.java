package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.threading4j.support.Bunch;
import org.junit.jupiter.api.Test;

/** {@link JdkLockContractTests} on {@link RLock}: only the owner may unlock, and lock() nests. */
class RLockJdkContractTests extends JdkLockContractTests {
    @Override
    java.util.concurrent.locks.Lock newLock() {
        return new RLock();
    }

    @Test
    void testUnlockByOwnerOnly() {
        RLock lock = new RLock();
        lock.lock();
        lock.lock();
        assertEquals(2, lock.getHoldCount());
        try (Bunch b = bunch(1, () -> assertThrows(IllegalMonitorStateException.class, lock::unlock))) {
            assertNotNull(b);
        }
        lock.unlock();
        lock.unlock();
        assertThrows(IllegalMonitorStateException.class, lock::unlock);
    }
}

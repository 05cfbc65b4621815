package io.github.threading4j.examples;

import io.github.threading4j.RLock;
import io.github.threading4j.Threading;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * RLock for nested locking (tutorial 000): an {@code Account} whose {@code transferTo} holds the account's lock
 * and calls {@code withdraw}, which takes the same lock again.
 *
 * <p>The tutorial's {@code transfer_to} holds its own lock and takes the other account's in {@code deposit}: two
 * transfers in opposite directions at the same time ({@code a → b} and {@code b → a}) each hold one lock and
 * wait for the other, forever. Ours takes both locks first, always in the same order (by account number), as the
 * tutorials' own best practices say ("acquire them in consistent order"); the nested acquisitions in
 * {@code withdraw} and {@code deposit} then only count up the {@code RLock}s. Money is neither made nor lost:
 * the total stays the same however many transfers run at once.
 */
public final class RLockAccount {
    private RLockAccount() {}

    private static final AtomicInteger NUMBERS = new AtomicInteger();

    /** @param total the sum of both balances at the end */
    public record Result(int balanceA, int balanceB, int total, int transfersDone, Transcript transcript) {}

    /** Python's {@code class Account}. */
    public static final class Account {
        final int number = NUMBERS.incrementAndGet(); // the lock order
        private final RLock lock = new RLock(); // reentrant
        private int balance; // guarded by lock

        public Account(int balance) {
            this.balance = balance;
        }

        public boolean withdraw(int amount) {
            try (var held = lock.hold()) {
                if (balance >= amount) {
                    balance -= amount;
                    return true;
                }
                return false;
            }
        }

        public void deposit(int amount) {
            try (var held = lock.hold()) {
                balance += amount;
            }
        }

        public boolean transferTo(Account other, int amount) {
            // Both locks, lower account number first: no two transfers can wait for each other.
            Account first = number <= other.number ? this : other;
            Account second = first == this ? other : this;
            try (var h1 = first.lock.hold(); var h2 = second.lock.hold()) {
                if (withdraw(amount)) { // same lock, nested
                    other.deposit(amount);
                    return true;
                }
                return false;
            }
        }

        public int balance() {
            try (var held = lock.hold()) {
                return balance;
            }
        }
    }

    public static Result run(Pace pace, Transcript out) {
        Account a = new Account(100);
        Account b = new Account(50);
        out.println("a.transferTo(b, 30): " + a.transferTo(b, 30) + "  -> a=" + a.balance() + ", b=" + b.balance());
        out.println("b.transferTo(a, 500): " + b.transferTo(a, 500) + " (insufficient funds)");

        // Transfers both ways at once: the tutorial's version can deadlock here.
        AtomicInteger done = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int parity = i % 2; // threads 0 and 2 start with a -> b, threads 1 and 3 with b -> a
            threads.add(Threading.thread(() -> {
                for (int n = 0; n < 10_000; n++) {
                    boolean aToB = (n + parity) % 2 == 0;
                    if (aToB ? a.transferTo(b, 1) : b.transferTo(a, 1)) {
                        done.incrementAndGet();
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        threads.forEach(Threading::join);
        int total = a.balance() + b.balance();
        out.println(done.get() + " of 40000 concurrent transfers both ways succeeded: a=" + a.balance() + ", b=" + b.balance()
                + ", total=" + total + " (still 150)");
        return new Result(a.balance(), b.balance(), total, done.get(), out);
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}

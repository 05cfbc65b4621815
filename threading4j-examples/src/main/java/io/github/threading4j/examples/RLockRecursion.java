package io.github.threading4j.examples;

import io.github.threading4j.RLock;
import io.github.threading4j.Threading;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * RLock, a reentrant lock (tutorial 002): a recursive function takes the same lock at every level. A plain
 * {@code Lock} would deadlock on the second acquire; an {@code RLock} counts its owner's acquisitions and is
 * free again after as many releases.
 */
public final class RLockRecursion {
    private RLockRecursion() {}

    /** @param holdCounts the lock's hold count at each level, outermost first */
    public record Result(List<Integer> holdCounts, boolean lockedAfter, Transcript transcript) {}

    public static Result run(Pace pace, Transcript out) {
        RLock rlock = new RLock();
        List<Integer> holdCounts = new CopyOnWriteArrayList<>();
        Thread thread = Threading.thread(() -> recursiveFunction(3, rlock, holdCounts, out));
        thread.start();
        Threading.join(thread);
        return new Result(List.copyOf(holdCounts), rlock.locked(), out);
    }

    static void recursiveFunction(int count, RLock rlock, List<Integer> holdCounts, Transcript out) {
        try (var held = rlock.hold()) {
            holdCounts.add(rlock.getHoldCount());
            out.println("Count: " + count + "  (lock held " + rlock.getHoldCount() + " times)");
            if (count > 0) {
                recursiveFunction(count - 1, rlock, holdCounts, out); // lock acquired again
            }
        }
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}

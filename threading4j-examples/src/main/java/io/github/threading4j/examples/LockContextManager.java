package io.github.threading4j.examples;

import io.github.threading4j.Lock;
import io.github.threading4j.Threading;
import java.util.ArrayList;
import java.util.List;

/**
 * Lock as a context manager (tutorial 002): two threads append to one shared list, each append under
 * {@code with list_lock:}, which in Java is {@code try (var held = listLock.hold())}.
 *
 * <p>The items of the two threads interleave in some order, but none is lost and each thread's own items stay
 * in the order it appended them.
 */
public final class LockContextManager {
    private LockContextManager() {}

    public record Result(List<Integer> sharedList, Transcript transcript) {}

    public static Result run(Pace pace, Transcript out) {
        List<Integer> sharedList = new ArrayList<>(); // guarded by listLock
        Lock listLock = new Lock();

        Thread t1 = Threading.thread(() -> addItems(List.of(1, 2, 3), sharedList, listLock, pace));
        Thread t2 = Threading.thread(() -> addItems(List.of(4, 5, 6), sharedList, listLock, pace));
        t1.start();
        t2.start();
        Threading.join(t1);
        Threading.join(t2);

        List<Integer> result;
        try (var held = listLock.hold()) {
            result = List.copyOf(sharedList);
        }
        out.println("Shared list: " + result);
        return new Result(result, out);
    }

    static void addItems(List<Integer> items, List<Integer> sharedList, Lock listLock, Pace pace) {
        for (int item : items) {
            try (var held = listLock.hold()) { // automatic acquire and release
                sharedList.add(item);
            }
            pace.sleep(0.01);
        }
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}

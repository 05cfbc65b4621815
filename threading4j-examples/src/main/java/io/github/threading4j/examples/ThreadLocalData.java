package io.github.threading4j.examples;

import io.github.threading4j.Barrier;
import io.github.threading4j.Local;
import io.github.threading4j.Threading;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Thread-local data (tutorials 000 and 003): one {@code Local} object, a separate value in every thread.
 *
 * <p>Python's {@code local_data.value = value} is {@code localData.set(value)}; each {@code Local} holds one
 * typed value. Part one is tutorial 000 (three named workers). The workers wait at a barrier after setting
 * their value and read it back only when all three have set theirs, so a value that leaked between threads
 * would show. Part two is tutorial 003's request handler: {@code handleRequest} stores the user, and
 * {@code process()}, several calls deeper, reads it without it being passed along. The requests run on
 * virtual threads: {@code Local} works there too.
 */
public final class ThreadLocalData {
    private ThreadLocalData() {}

    /**
     * @param workerValues   thread name → the value it read back after all had set theirs
     * @param requestUsers   request user → the user {@code process()} saw
     * @param setInFreshThread whether a thread that never set the value saw one
     */
    public record Result(Map<String, Integer> workerValues, Map<String, String> requestUsers,
            boolean setInFreshThread, Transcript transcript) {}

    record Request(String user) {}

    public static Result run(Pace pace, Transcript out) {
        // Tutorial 000
        Local<Integer> localData = new Local<>();
        Barrier allSet = new Barrier(3);
        Map<String, Integer> workerValues = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int value = i;
            Thread t = Threading.thread(() -> {
                localData.set(value);
                allSet.await(); // every thread has set its own value now
                // Each thread has its own copy
                out.println("Thread " + Threading.currentThread().getName() + ": " + localData.get());
                workerValues.put(Threading.currentThread().getName(), localData.get());
            });
            t.setName("Worker-" + i);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        threads.forEach(Threading::join);

        boolean[] setInFresh = {true};
        Thread fresh = Threading.thread(() -> setInFresh[0] = localData.isSet());
        fresh.start();
        Threading.join(fresh);
        out.println("A thread that never set it: isSet() = " + setInFresh[0]);

        // Tutorial 003
        Local<String> user = new Local<>();
        Map<String, String> seen = new ConcurrentHashMap<>();
        List<Thread> requests = new ArrayList<>();
        for (String name : List.of("alice", "bob", "carol")) {
            requests.add(Threading.virtualThread(() -> handleRequest(new Request(name), user, seen, pace, out)));
        }
        requests.forEach(Thread::start);
        requests.forEach(Threading::join);
        return new Result(Map.copyOf(workerValues), Map.copyOf(seen), setInFresh[0], out);
    }

    static void handleRequest(Request req, Local<String> user, Map<String, String> seen, Pace pace, Transcript out) {
        user.set(req.user());
        pace.sleep(0.1); // the other requests set theirs meanwhile
        process(req, user, seen, out);
    }

    static void process(Request req, Local<String> user, Map<String, String> seen, Transcript out) {
        out.println(user.get()); // whatever was set in THIS thread
        seen.put(req.user(), user.get());
    }

    public static void main(String[] args) {
        run(Pace.fromArgs(args), Transcript.toStdout());
    }
}

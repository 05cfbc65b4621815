package io.github.threading4j.futures;

import java.util.concurrent.RejectedExecutionException;

/**
 * The child JVM programs of CPython's test_shutdown.py ({@code assert_python_ok} scripts), run by
 * {@link ExecutorShutdownTests} through ChildJvm. Argument 1 names the scenario, argument 2 the executor.
 */
public final class ShutdownChild {
    private ShutdownChild() {}

    static Executor newExecutor(String type, int workers) {
        return switch (type) {
            case "ThreadPoolExecutor" -> new ThreadPoolExecutor(workers);
            case "ThreadPoolExecutorDefault" -> new ThreadPoolExecutor();
            case "VirtualThreadExecutor" -> new VirtualThreadExecutor(workers);
            case "VirtualThreadExecutorUnbounded" -> new VirtualThreadExecutor();
            default -> throw new IllegalArgumentException(type);
        };
    }

    /** CPython's sleep_and_print: the task is still running when main returns, which is what is tested. */
    static Object sleepAndPrint(long millis, String msg) throws InterruptedException {
        Thread.sleep(millis);
        System.out.println(msg);
        System.out.flush();
        return null;
    }

    public static void main(String[] args) throws Exception {
        String scenario = args[0];
        String type = args[1];
        switch (scenario) {
            case "interpreter_shutdown" -> {
                Executor t = newExecutor(type, 5);
                t.submit(() -> sleepAndPrint(300, "apple"));
            }
            case "submit_after_interpreter_shutdown" -> {
                Executor t = newExecutor(type, 5);
                // Shutdown hooks start together; this one submits until the executors' exit hook has run.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    long deadline = System.nanoTime() + 30_000_000_000L;
                    while (System.nanoTime() < deadline) {
                        try {
                            t.submit(() -> null);
                        } catch (RejectedExecutionException e) {
                            System.out.println("runtime-error");
                            System.err.println(e);
                            return;
                        }
                        Thread.onSpinWait();
                    }
                }));
            }
            case "hang_gh83386" -> {
                Executor t = newExecutor(type, 3);
                t.submit(() -> sleepAndPrint(300, "apple"));
                t.shutdown(false);
            }
            case "cancel_futures_wait_false" -> {
                Executor t = newExecutor(type, 0);
                t.submit(() -> sleepAndPrint(100, "apple"));
                t.shutdown(false, true);
            }
            default -> throw new IllegalArgumentException(scenario);
        }
    }
}

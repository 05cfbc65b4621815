package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.threading4j.support.ChildJvm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** Port of CPython's {@code test_threading.ThreadJoinOnShutdown}: each case runs in a child JVM. */
class ThreadJoinOnShutdown {

    private static final String NL = System.lineSeparator();

    /** The usual case: a thread joining the main thread wakes once main() has returned; exit waits for it. */
    @Test
    void test1JoinOnShutdown() {
        ChildJvm.Result r = ChildJvm.run(JoinOnShutdownMain.class);
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("end of main" + NL + "end of thread" + NL, r.stdout(), r::toString);
        assertEquals("", r.stderr(), r::toString);
    }

    static final class JoinOnShutdownMain {
        public static void main(String[] args) {
            Thread main = Threading.currentThread();
            Threading.thread(() -> {
                Threading.join(main);
                System.out.println("end of thread");
                System.out.flush();
            }).start();
            System.out.println("end of main");
        }
    }

    /** Daemon threads busy with I/O when the JVM exits do not break the exit. */
    @Test
    void test4DaemonThreads() {
        ChildJvm.Result r = ChildJvm.run(DaemonThreadsMain.class);
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.stderr(), r::toString);
        assertEquals("exiting with 40 daemon threads" + NL, r.stdout(), r::toString);
    }

    static final class DaemonThreadsMain {
        public static void main(String[] args) {
            // CPython's daemons read the test module's own file; these read this class's own class file,
            // which exists for the whole life of the JVM (a temp file deleted at exit would not).
            String self = "ThreadJoinOnShutdown$DaemonThreadsMain.class";
            Set<Thread> threadHasRun = ConcurrentHashMap.newKeySet();
            int count = 0;
            for (int i = 0; i < 40; i++) {
                Thread t = Threading.thread(() -> {
                    byte[] buf = new byte[200];
                    while (true) { // loop for ever doing a little I/O
                        try (InputStream in = DaemonThreadsMain.class.getResourceAsStream(self);
                                OutputStream sink = OutputStream.nullOutputStream()) {
                            sink.write(buf, 0, in.read(buf));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(500_000)); // a tiny random pause
                        threadHasRun.add(Threading.currentThread());
                    }
                });
                t.setDaemon(true);
                t.start();
                count++;
            }
            while (threadHasRun.size() < count) {
                Thread.onSpinWait();
            }
            System.out.println("exiting with " + Threading.enumerate().stream().filter(Thread::isDaemon).count()
                    + " daemon threads");
            System.exit(0); // trigger shutdown while they run
        }
    }

    /** Exit waits for a non-daemon thread that another thread started after main() returned. */
    @Test
    void testThreadFromThread() {
        ChildJvm.Result r = ChildJvm.run(ThreadFromThreadMain.class);
        assertEquals("", r.stderr(), r::toString);
        assertEquals("OK" + NL, r.stdout(), r::toString);
        assertEquals(0, r.exitCode(), r::toString);
    }

    static final class ThreadFromThreadMain {
        public static void main(String[] args) {
            Thread main = Threading.currentThread();
            Threading.thread(() -> {
                Threading.join(main);
                Threading.thread(() -> System.out.println("OK")).start();
            }).start();
            // do not join: the JVM waits for non-daemon threads
        }
    }
}

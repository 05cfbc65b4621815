package io.github.threading4j.cli.fetch;

import io.github.threading4j.Semaphore;
import io.github.threading4j.UncheckedInterruptedException;
import io.github.threading4j.futures.Executor;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * The fetch engine: reads URL lines, runs each on the executor under the caps, retries, and hands every
 * result to the writer as it completes.
 *
 * <p>Order of the caps for each URL, outermost first: an in-flight permit (taken by the reader
 * <em>before</em> the URL is submitted, so at most maxInFlight URLs exist in memory at once whatever the
 * input's length), then a per-origin permit (--per-host), then any pause of the origin (a 429 or 503 with
 * Retry-After pauses every request to it), then the rate limiter's token (--rate), which the HTTP client
 * takes last of all, once the connection is open and just before the request is written (see
 * {@link HttpGetter}), so that the requests reach the server paced as the tokens were.
 *
 * <p>Stopping (Ctrl-C): {@link #requestStop()} stops the reader, lets requests in flight finish until
 * the grace period ends, then aborts the rest; every result completed is written, every URL not completed
 * is counted as unfinished and goes to --save-failed.
 */
public final class Fetcher {

    /** What the command line configures. workers 0 means a virtual thread per URL; rate is the getter's. */
    public record Config(int workers, int maxInFlight, double rate, Duration timeout, int retries, int perHost,
            Path saveDir, Duration grace) {}

    /** How the run ended. */
    public record Report(Summary summary, double wallSeconds, boolean interrupted, long unfinished) {}

    private final Config config;
    private final HttpGetter http;
    private final RetryPolicy retry;
    private final Semaphore inFlight;
    private final Executor executor;
    private final Map<String, Semaphore> perHost = new ConcurrentHashMap<>();
    /** Per origin: System.nanoTime() before which nothing is sent there (Retry-After). */
    private final Map<String, AtomicLong> pausedUntil = new ConcurrentHashMap<>();
    /** URLs submitted and not yet completed, by input sequence number. */
    private final Map<Long, Task> running = new ConcurrentHashMap<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile boolean aborting;

    /** Guards active and inputDone; idle is signalled when either changes toward the end. */
    private final ReentrantLock stateLock = new ReentrantLock();
    private final Condition idle = stateLock.newCondition();
    /** Tasks submitted and not completed. Guarded by stateLock. */
    private int active;
    /** The reader has finished (input ended, or stopped). Guarded by stateLock. */
    private boolean inputDone;

    /** Guards every output: the result writer, the summary, --save-failed, the progress listener. */
    private final ReentrantLock outputLock = new ReentrantLock();
    private final ResultWriter writer;
    private final Writer failedOut;
    private final Summary summary = new Summary();
    private final LongConsumer progress;
    private final boolean flushEachLine;
    private long lastFlush = System.nanoTime();
    private long completed;

    /**
     * @param writer result lines, or null for none (the demo)
     * @param failedOut where failed and unfinished URLs go (--save-failed), or null
     * @param progress told the number of URLs completed after each one, or null
     * @param flushEachLine flush after every result (a terminal), rather than every 200 ms
     */
    public Fetcher(Config config, HttpGetter http, ResultWriter writer, Writer failedOut, LongConsumer progress,
            boolean flushEachLine) {
        this.config = config;
        this.http = http;
        this.writer = writer;
        this.failedOut = failedOut;
        this.progress = progress;
        this.flushEachLine = flushEachLine;
        this.retry = new RetryPolicy(config.retries(), Duration.ofMillis(100), Duration.ofSeconds(10),
                () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
        this.inFlight = Concurrency.permits(config.maxInFlight(), "max-in-flight");
        this.executor = Concurrency.executor(config.workers());
    }

    /** Stops taking URLs; requests in flight get the grace period. Safe from any thread (a signal handler). */
    public void requestStop() {
        stopping = true;
        stop.countDown();
        stateLock.lock();
        try {
            idle.signalAll();
        } finally {
            stateLock.unlock();
        }
    }

    /**
     * Fetches every URL line of {@code input}, returning when all are done or, after {@link #requestStop()},
     * when those in flight have finished or been aborted.
     *
     * @param drainAfterStop whether the lines left after a stop may be read (a file, not a terminal) so that
     *        --save-failed lists them too
     */
    public Report run(Iterator<String> input, boolean drainAfterStop) {
        long t0 = System.nanoTime();
        String[] pending = new String[1]; // a line read but not submitted when the stop came
        // The reader blocks on the in-flight permits once per URL: on a virtual thread (when the URLs run on
        // virtual threads) each wake-up is a task for the scheduler, not a futex call to wake a parked OS thread.
        Thread.Builder builder = config.workers() <= 0 ? Thread.ofVirtual() : Thread.ofPlatform().daemon();
        Thread reader = builder.name("fetch-input").start(() -> readLoop(input, pending));
        stateLock.lock();
        try {
            while (!(inputDone && active == 0) && !stopping) {
                idle.awaitUninterruptibly();
            }
        } finally {
            stateLock.unlock();
        }
        long unfinished = 0;
        if (stopping) {
            reader.interrupt();
            long deadline = System.nanoTime() + config.grace().toNanos();
            if (!waitIdle(deadline)) {
                aborting = true;
                running.values().forEach(Task::abort);
                waitIdle(System.nanoTime() + TimeUnit.SECONDS.toNanos(3));
            }
            joinQuietly(reader);
            outputLock.lock();
            try {
                for (Task t : running.values()) { // still not done after the abort: record them as unfinished
                    unfinished++;
                    failed(t.line);
                }
                if (!reader.isAlive()) {
                    if (pending[0] != null) {
                        unfinished++;
                        failed(pending[0]);
                    }
                    if (drainAfterStop) {
                        while (input.hasNext()) {
                            String line = input.next().strip();
                            if (!line.isEmpty() && !line.startsWith("#")) {
                                unfinished++;
                                failed(line);
                            }
                        }
                    }
                }
            } finally {
                outputLock.unlock();
            }
        }
        executor.shutdown(false, true); // cancel what never started; the exit hook then has nothing to wait for
        double wall = (System.nanoTime() - t0) / 1e9;
        outputLock.lock();
        try {
            if (writer != null) {
                writer.flush();
            }
            if (failedOut != null) {
                failedOut.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            outputLock.unlock();
        }
        return new Report(summary, wall, stopping, unfinished);
    }

    // --- reading and submitting ---------------------------------------------------------------

    private void readLoop(Iterator<String> input, String[] pending) {
        long seq = 0;
        try {
            while (!stopping && input.hasNext()) {
                String line = input.next().strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                seq++;
                URI uri;
                try {
                    uri = parse(line);
                } catch (IllegalArgumentException e) {
                    complete(new Result(line, null, 0, 0, 0, ErrorKind.INVALID_URL.label() + ": " + e.getMessage(),
                            ErrorKind.INVALID_URL));
                    continue;
                }
                pending[0] = line;
                try {
                    inFlight.acquire();
                } catch (UncheckedInterruptedException e) {
                    return; // stopping
                }
                Task task = new Task(seq, line, uri);
                stateLock.lock();
                try {
                    if (stopping) {
                        inFlight.release();
                        return;
                    }
                    active++;
                    running.put(seq, task);
                } finally {
                    stateLock.unlock();
                }
                pending[0] = null;
                try {
                    executor.execute(task);
                } catch (RejectedExecutionException e) {
                    task.finish(task.failure(ErrorKind.CANCELLED, "not started", 0, 0));
                }
            }
        } catch (RuntimeException e) {
            // reading stdin failed, or was interrupted by the stop: what was read is fetched
            if (!stopping) {
                System.err.println("threading4j fetch: reading the input failed: " + e);
            }
        } finally {
            stateLock.lock();
            try {
                inputDone = true;
                idle.signalAll();
            } finally {
                stateLock.unlock();
            }
        }
    }

    /** An absolute http or https URL with a host, or IllegalArgumentException saying why not. */
    static URI parse(String line) {
        URI uri;
        try {
            uri = new URI(line);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("not an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("no host");
        }
        return uri;
    }

    private boolean waitIdle(long deadline) {
        stateLock.lock();
        try {
            long left;
            while (active > 0 && (left = deadline - System.nanoTime()) > 0) {
                idle.awaitNanos(left);
            }
            return active == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return active == 0;
        } finally {
            stateLock.unlock();
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- output -------------------------------------------------------------------------------

    private void complete(Result r) {
        outputLock.lock();
        try {
            summary.add(r);
            if (writer != null) {
                writer.write(r);
                long now = System.nanoTime();
                if (flushEachLine || now - lastFlush > 200_000_000L) {
                    writer.flush();
                    lastFlush = now;
                }
            }
            if (!r.ok() && r.kind() != ErrorKind.INVALID_URL) {
                failed(r.url());
            }
            completed++;
            if (progress != null) {
                progress.accept(completed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            outputLock.unlock();
        }
    }

    /** Called with outputLock held. */
    private void failed(String url) {
        assert outputLock.isHeldByCurrentThread();
        if (failedOut != null) {
            try {
                failedOut.write(url);
                failedOut.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // --- one URL ------------------------------------------------------------------------------

    private static String origin(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** A safe file name for a saved body: the sequence number, then the host and path with anything odd as '_'. */
    static String safeName(long seq, URI uri) {
        String raw = uri.getHost() + (uri.getPort() >= 0 ? "_" + uri.getPort() : "")
                + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "_" + uri.getRawQuery());
        String clean = raw.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("\\.{2,}", "_").replaceAll("_+", "_")
                .replaceAll("^[._]+", "");
        if (clean.length() > 100) {
            clean = clean.substring(0, 100);
        }
        return String.format(Locale.ROOT, "%06d-%s", seq, clean.isEmpty() ? "body" : clean);
    }

    private final class Task implements Runnable {
        final long seq;
        final String line;
        final URI uri;
        volatile HttpGetter.Abort abortHandle;
        volatile boolean aborted;
        volatile Thread thread;

        Task(long seq, String line, URI uri) {
            this.seq = seq;
            this.line = line;
            this.uri = uri;
        }

        void abort() {
            aborted = true;
            HttpGetter.Abort a = abortHandle;
            if (a != null) {
                a.abort();
            }
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
        }

        @Override
        public void run() {
            thread = Thread.currentThread();
            Result r;
            try {
                r = aborting ? failure(ErrorKind.CANCELLED, "stopped before it started", 0, 0) : fetch();
            } catch (RuntimeException | Error e) {
                r = failure(aborted ? ErrorKind.CANCELLED : ErrorKind.IO, e.toString(), 0, 0);
            }
            finish(r);
        }

        void finish(Result r) {
            stateLock.lock();
            try {
                running.remove(seq);
            } finally {
                stateLock.unlock();
            }
            try {
                complete(r);
            } finally {
                inFlight.release();
                stateLock.lock();
                try {
                    if (--active == 0) { // the only change a waiter for idleness waits for: not one wake-up per URL
                        idle.signalAll();
                    }
                } finally {
                    stateLock.unlock();
                }
            }
        }

        Result failure(ErrorKind kind, String what, int attempts, long firstNanos) {
            return new Result(line, null, 0, firstNanos == 0 ? 0 : (System.nanoTime() - firstNanos) / 1e6, attempts,
                    kind.label() + ": " + what, kind);
        }

        private Result fetch() {
            String origin = origin(uri);
            Semaphore host = config.perHost() > 0
                    ? perHost.computeIfAbsent(origin, k -> Concurrency.permits(config.perHost(), "per-host " + k)) : null;
            if (host != null) {
                try {
                    host.acquire();
                } catch (UncheckedInterruptedException e) {
                    return failure(ErrorKind.CANCELLED, "stopped before it started", 0, 0);
                }
            }
            try {
                return attempts(origin);
            } finally {
                if (host != null) {
                    host.release();
                }
            }
        }

        private Result attempts(String origin) {
            AtomicLong paused = pausedUntil.computeIfAbsent(origin, k -> new AtomicLong(System.nanoTime()));
            long first = 0;
            int attempt = 0;
            Path saved = null;
            while (true) {
                long until;
                while ((until = paused.get()) - System.nanoTime() > 0) { // the origin asked us to wait
                    if (sleepUnlessStopping(until - System.nanoTime())) {
                        return failure(ErrorKind.CANCELLED, "stopped while the origin was paused", attempt, first);
                    }
                }
                long start = System.nanoTime();
                if (first == 0) {
                    first = start;
                }
                attempt++;
                RetryPolicy.Outcome outcome;
                HttpGetter.Response response = null;
                String what;
                Path[] file = new Path[1];
                try {
                    response = http.get(uri, config.timeout(), status -> open(status, file), a -> abortHandle = a);
                    saved = file[0];
                    outcome = RetryPolicy.Outcome.status(response.status(), response.retryAfter());
                    what = "status " + response.status();
                } catch (IOException e) {
                    deleteQuietly(file[0]);
                    ErrorKind kind = aborted ? ErrorKind.CANCELLED : ErrorKind.of(e);
                    outcome = RetryPolicy.Outcome.failure(kind);
                    what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                }
                double latencyMs = (System.nanoTime() - first) / 1e6;
                if (outcome.error() == null) {
                    return new Result(line, response.status(), response.bytes(), latencyMs, attempt, null, null);
                }
                deleteQuietly(saved);
                int status = response == null ? 0 : response.status();
                if (status == 429 || status == 503) {
                    Duration after = RetryPolicy.parseRetryAfter(response.retryAfter(), Instant.now());
                    if (after != null && after.compareTo(RetryPolicy.MAX_RETRY_AFTER) <= 0) {
                        long resume = System.nanoTime() + after.toNanos();
                        paused.accumulateAndGet(resume, (a, b) -> a - b > 0 ? a : b);
                    }
                }
                Duration wait = stopping ? null : retry.nextWait(attempt, outcome, Instant.now());
                if (wait == null || sleepUnlessStopping(wait.toNanos())) {
                    return new Result(line, response == null ? null : status, response == null ? 0 : response.bytes(),
                            latencyMs, attempt, outcome.error().label() + ": " + what, outcome.error());
                }
            }
        }

        private OutputStream open(int status, Path[] file) throws IOException {
            if (config.saveDir() == null || status / 100 != 2) {
                return OutputStream.nullOutputStream();
            }
            file[0] = config.saveDir().resolve(safeName(seq, uri));
            return new java.io.BufferedOutputStream(Files.newOutputStream(file[0]), 65536);
        }

        /** Sleeps; true if a stop came (or was already there) instead. */
        private boolean sleepUnlessStopping(long nanos) {
            try {
                return stop.await(nanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // best effort
            }
        }
    }
}

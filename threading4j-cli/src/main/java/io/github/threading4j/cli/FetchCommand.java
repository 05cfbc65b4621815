package io.github.threading4j.cli;

import io.github.threading4j.cli.fetch.Fetcher;
import io.github.threading4j.cli.fetch.HttpGetter;
import io.github.threading4j.cli.fetch.HttpCoreGetter;
import io.github.threading4j.cli.fetch.JdkGetter;
import io.github.threading4j.cli.fetch.ResultWriter;
import io.github.threading4j.examples.server.DelayServer;
import io.github.threading4j.ratelimit.RateLimiter;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code threading4j fetch}: many URLs, concurrently, politely, with a result line each and a summary. */
@Command(name = "fetch",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        headerHeading = "",
        synopsisHeading = "Usage: ",
        customSynopsis = "threading4j fetch [OPTION...] [URL... | -i FILE | -]",
        description = {
            "Fetch many URLs concurrently: a result line per URL as it completes, then a summary.",
            "",
            "Reads URLs from the arguments, then from FILE (-i) or standard input (-): one per line; blank"
                + " lines and lines starting with # are skipped; a line that is not an http(s) URL gets its own"
                + " error line and the run goes on. Input streams: memory stays bounded however many URLs come.",
            "",
            "Concurrency: a virtual thread per URL, at most --max-in-flight at once, or a pool of --workers"
                + " threads. --rate caps how many requests START per second (a token bucket taken just before"
                + " each request); --max-in-flight caps how many RUN at once. Both may be given.",
            "",
            "A URL fails when it gets no 2xx answer after redirects (10 at most) and retries. Retried, with"
                + " exponential backoff and jitter: connection refused or reset, 429 and 5xx; a Retry-After on"
                + " 429 or 503 is honoured and pauses every request to that origin. Other 4xx and timeouts are"
                + " not retried.",
            "",
            "With no URL and no -i: a demonstration on an embedded server at 127.0.0.1 (nothing leaves the"
                + " machine): the same --demo-count slow URLs one at a time, then concurrently, and the speed-up.",
            "",
            "Ctrl-C stops reading URLs, lets requests in flight finish (up to 5 s or --timeout), writes every"
                + " completed result and the summary, and lists what did not finish in --save-failed.",
            ""
        },
        parameterListHeading = "Arguments:%n",
        optionListHeading = "Options:%n",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "  0:every URL was fetched (2xx)",
            "  1:some URL failed (its line says why)",
            "  2:bad usage (an unknown option, a bad value, an unreadable -i FILE)",
            "130:interrupted (Ctrl-C); completed results were written"
        },
        footerHeading = "%nOutput:%n",
        footer = {
            "  A table (STATUS BYTES LATENCY TRIES URL [ERROR]) when standard output is a",
            "  terminal, else JSON lines, one object per URL:",
            "    {\"url\":\"...\",\"status\":200,\"bytes\":1024,\"latency_ms\":101.3,",
            "     \"attempts\":1,\"error\":null}",
            "  status is null when no answer came; error starts with its kind: http,",
            "  refused, reset, timeout, dns, tls, redirects, invalid-url, cancelled, io.",
            "  latency_ms runs from the first attempt to the end of the last. The summary",
            "  goes to stderr, and a progress bar too when stderr is a terminal.",
            "",
            "Examples:",
            "  threading4j fetch",
            "  threading4j fetch https://example.org/ https://example.com/",
            "  threading4j fetch -i urls.txt --rate 20 --per-host 4 -f csv -o out.csv",
            "  generate-urls | threading4j fetch - -m 500 --save-failed retry.txt",
            "  threading4j fetch -i retry.txt        # only what failed last time"
        })
final class FetchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "URL", description = "URLs to fetch; - reads them from standard input.")
    List<String> urls = new ArrayList<>();

    @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "Read URLs from FILE, one per line (- for standard input).")
    String input;

    @Option(names = {"-w", "--workers"}, paramLabel = "N",
            description = "Run on a pool of N platform threads instead of a virtual thread per URL.")
    Integer workers;

    @Option(names = {"-m", "--max-in-flight"}, paramLabel = "N", defaultValue = "100",
            description = "At most N URLs in flight at once (default: ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(names = {"-r", "--rate"}, paramLabel = "R",
            description = "At most R requests per second (retries count), evenly spaced: at most R+1 start in any second.")
    Double rate;

    @Option(names = "--per-host", paramLabel = "N",
            description = "At most N requests at once to one origin (scheme, host and port).")
    Integer perHost;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", defaultValue = "30",
            description = "Give up on a request after SECONDS, for the connection and for the whole answer"
                    + " (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "2",
            description = "Try a failing URL up to N more times (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--http2",
            description = "Negotiate HTTP/2 with https servers that offer it (TLS ALPN), through the JDK's HTTP"
                    + " client; plain http stays HTTP/1.1. The default client speaks HTTP/1.1 only, and costs"
                    + " less than half the JDK client's CPU per request.")
    boolean http2;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Result lines as table, jsonl or csv (default: table on a terminal, else jsonl).")
    ResultWriter.Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write result lines to FILE instead of standard output.")
    Path output;

    @Option(names = "--save", paramLabel = "DIR",
            description = "Save each 2xx body in DIR, named NNNNNN-host_path (input order; unsafe characters as _).")
    Path saveDir;

    @Option(names = "--save-failed", paramLabel = "FILE",
            description = "Write the URLs that failed, and after Ctrl-C those not finished, to FILE: rerun with -i FILE.")
    Path saveFailed;

    @Option(names = "--demo-count", paramLabel = "N", defaultValue = "100",
            description = "Demonstration (no URL given): how many URLs (default: ${DEFAULT-VALUE}).")
    int demoCount;

    @Option(names = "--demo-latency", paramLabel = "MS", defaultValue = "100",
            description = "Demonstration: how long the server takes per answer, in ms (default: ${DEFAULT-VALUE}).")
    int demoLatencyMs;

    @Option(names = "--demo-lines", hidden = true,
            description = "Demonstration: also write the concurrent pass's result lines (JSON lines) to standard output"
                    + " (the launcher's ahead-of-time training run uses it, so that the writer's classes are trained).")
    boolean demoLines;

    @Option(names = "--result-line", hidden = true,
            description = "Benchmarks: end with RESULT ok=N failed=N bytes=B seconds=S on standard output.")
    boolean resultLine;

    @Override
    public Integer call() throws Exception {
        StartupTrace.mark("arguments parsed");
        validate();
        boolean stdinNamed = urls.contains("-") || "-".equals(input);
        if (urls.isEmpty() && input == null) {
            return demo();
        }
        Iterator<String> lines = lines(stdinNamed);
        boolean stdoutTty = tty("stdout");
        ResultWriter.Format f = format != null ? format
                : (output == null && stdoutTty ? ResultWriter.Format.table : ResultWriter.Format.jsonl);
        if (saveDir != null) {
            Files.createDirectories(saveDir);
        }
        Writer out = output != null ? Files.newBufferedWriter(output, StandardCharsets.UTF_8)
                : new BufferedWriter(new OutputStreamWriter(stdoutKeptOpen(), StandardCharsets.UTF_8), 65536);
        Writer failedOut = saveFailed != null ? Files.newBufferedWriter(saveFailed, StandardCharsets.UTF_8) : null;
        ResultWriter writer = ResultWriter.of(f, out);
        ProgressBar bar = tty("stderr") ? progressBar(stdinNamed || input != null ? -1 : urls.size()) : null;
        Fetcher.Report report;
        try (HttpGetter http = httpGetter()) {
            StartupTrace.mark("HTTP client built");
            Fetcher fetcher = new Fetcher(config(), http, writer, failedOut, bar == null ? null : bar::stepTo,
                    output == null && stdoutTty);
            try (SignalGuard guard = SignalGuard.install(fetcher)) {
                report = fetcher.run(lines, !stdinNamed);
            }
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        StartupTrace.mark("fetched");
        writer.close();
        if (failedOut != null) {
            failedOut.close();
        }
        System.err.print(report.summary().render(report.wallSeconds(), report.interrupted(), report.unfinished()));
        System.err.flush();
        if (resultLine) {
            System.out.printf(Locale.ROOT, "RESULT ok=%d failed=%d bytes=%d seconds=%.3f%n", report.summary().ok(),
                    report.summary().failed() + report.unfinished(), report.summary().bytes(), report.wallSeconds());
            System.out.flush();
        }
        if (report.interrupted()) {
            return 130;
        }
        return report.summary().failed() == 0 ? 0 : 1;
    }

    /** Standard output without System.out's flush per line; closing the writer must not close descriptor 1. */
    private static java.io.OutputStream stdoutKeptOpen() {
        return new java.io.FilterOutputStream(new FileOutputStream(FileDescriptor.out)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private void validate() {
        check(workers == null || workers >= 1, "--workers must be at least 1");
        check(maxInFlight >= 1, "--max-in-flight must be at least 1");
        check(rate == null || (rate > 0 && !rate.isInfinite()), "--rate must be a positive number of requests per second");
        check(perHost == null || perHost >= 1, "--per-host must be at least 1");
        check(timeoutSeconds > 0 && timeoutSeconds <= 86_400, "--timeout must be between 0 and 86400 seconds");
        check(retries >= 0 && retries <= 100, "--retries must be between 0 and 100");
        check(demoCount >= 1, "--demo-count must be at least 1");
        check(demoLatencyMs >= 0 && demoLatencyMs <= 60_000, "--demo-latency must be between 0 and 60000 ms");
        check(!(input != null && urls.contains("-")), "read standard input with - or with -i -, not both");
        if (input != null && !input.equals("-") && !Files.isReadable(Path.of(input))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read -i " + input);
        }
    }

    private void check(boolean ok, String message) {
        if (!ok) {
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }

    private Fetcher.Config config() {
        return new Fetcher.Config(workers == null ? 0 : workers, maxInFlight, rate == null ? 0 : rate, timeout(),
                retries, perHost == null ? 0 : perHost, saveDir, min(timeout(), Duration.ofSeconds(5)));
    }

    private Duration timeout() {
        return Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000)));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private HttpGetter httpGetter() {
        int connections = workers == null ? maxInFlight : Math.min(workers, maxInFlight);
        // --rate: a token bucket with a burst of 1, the token taken by the client just before each request is written
        Runnable token = rate == null ? null : RateLimiter.create(rate, 1, "--rate")::acquire;
        if (http2) {
            return new JdkGetter(timeout(), token, true);
        }
        return switch (System.getProperty("threading4j.http", "core")) {
            case "jdk" -> new JdkGetter(timeout(), token, false);
            default -> new HttpCoreGetter(connections, timeout(), token);
        };
    }

    /** The argument URLs (without -), then the lines of -i FILE or standard input, read lazily. */
    private Iterator<String> lines(boolean stdin) throws IOException {
        List<String> args = urls.stream().filter(u -> !u.equals("-")).toList();
        Stream<String> rest = Stream.empty();
        if (stdin) {
            rest = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 65536).lines();
        } else if (input != null) {
            try {
                rest = Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8).lines();
            } catch (NoSuchFileException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "cannot read -i " + input);
            }
        }
        return Stream.concat(args.stream(), rest).iterator();
    }

    private static ProgressBar progressBar(long total) {
        return new ProgressBarBuilder()
                .setTaskName("fetch")
                .setInitialMax(total)
                .setUnit(" URLs", 1)
                .showSpeed()
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
    }

    /**
     * Whether standard output or error is a terminal: the launcher says (it can test each descriptor);
     * otherwise the JVM's console is asked (which looks at standard input and output only).
     */
    static boolean tty(String stream) {
        String said = System.getProperty("threading4j." + stream + ".tty");
        if (said != null) {
            return said.equals("1") || said.equals("true");
        }
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c); // JDK 22+
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only when both are terminals
        }
    }

    // --- the demonstration --------------------------------------------------------------------

    private int demo() throws Exception {
        try (DelayServer server = DelayServer.start(); HttpGetter http = httpGetter()) {
            List<String> list = IntStream.range(0, demoCount)
                    .mapToObj(i -> server.base() + "/delay/" + demoLatencyMs + "/" + i + "?size=1024").toList();
            System.out.printf(Locale.ROOT, "Fetching %d URLs from an embedded server (%s/delay/%d/N: %d ms per answer)%n",
                    demoCount, server.base(), demoLatencyMs, demoLatencyMs);
            System.out.flush();
            Fetcher.Config c = config();
            Fetcher.Report one = runQuiet(new Fetcher.Config(0, 1, c.rate(), c.timeout(), c.retries(), 0, null,
                    c.grace()), http, list);
            if (one == null) {
                return 130;
            }
            System.out.printf(Locale.ROOT, "  one at a time:       %7.2f s  (%d ok, %d failed)%n", one.wallSeconds(),
                    one.summary().ok(), one.summary().failed());
            System.out.flush();
            Fetcher.Report many;
            if (demoLines) {
                Writer out = new BufferedWriter(new OutputStreamWriter(stdoutKeptOpen(), StandardCharsets.UTF_8), 65536);
                try (ResultWriter w = ResultWriter.of(ResultWriter.Format.jsonl, out)) {
                    Fetcher f = new Fetcher(c, http, w, null, null, false);
                    many = f.run(list.iterator(), true);
                }
                System.err.print(many.summary().render(many.wallSeconds(), false, 0));
            } else {
                many = runQuiet(c, http, list);
            }
            if (many == null) {
                return 130;
            }
            String how = workers != null ? workers + " worker threads" : Math.min(maxInFlight, demoCount) + " virtual threads";
            System.out.printf(Locale.ROOT, "  concurrently:        %7.2f s  (%d ok, %d failed; %s%s)%n",
                    many.wallSeconds(), many.summary().ok(), many.summary().failed(), how,
                    rate != null ? ", --rate " + rate : "");
            System.out.printf(Locale.ROOT, "  speed-up:            %7.1fx%n", one.wallSeconds() / many.wallSeconds());
            System.out.println("Fetch your own: threading4j fetch URL... | -i FILE | -   (threading4j fetch --help)");
            System.out.flush();
            return one.summary().failed() + many.summary().failed() == 0 ? 0 : 1;
        }
    }

    /** One demo pass without result lines; null when interrupted. */
    private static Fetcher.Report runQuiet(Fetcher.Config c, HttpGetter http, List<String> list) {
        Fetcher f = new Fetcher(c, http, null, null, null, false);
        try (SignalGuard guard = SignalGuard.install(f)) {
            Fetcher.Report r = f.run(list.iterator(), true);
            return r.interrupted() ? null : r;
        }
    }

    /** Ctrl-C (and SIGTERM) handled by the command itself: the first stops the fetcher gracefully, a second exits. */
    static final class SignalGuard implements AutoCloseable {
        private static final AtomicReference<Fetcher> CURRENT = new AtomicReference<>();
        private static volatile boolean installed;
        private static volatile boolean stopRequested;

        static SignalGuard install(Fetcher f) {
            CURRENT.set(f);
            if (!installed) {
                installed = true;
                for (String name : new String[] {"INT", "TERM"}) {
                    try {
                        sun.misc.Signal.handle(new sun.misc.Signal(name), SignalGuard::onSignal);
                    } catch (IllegalArgumentException e) {
                        // this platform does not have the signal
                    }
                }
            }
            if (stopRequested) { // a stop between two demo passes: the next one stops at once
                f.requestStop();
            }
            return new SignalGuard();
        }

        private static void onSignal(sun.misc.Signal s) {
            if (stopRequested) {
                System.err.println("\nthreading4j fetch: stopped at once (second signal)");
                Runtime.getRuntime().halt(130);
            }
            stopRequested = true;
            System.err.println("\nthreading4j fetch: stopping: no new URLs; waiting for those in flight"
                    + " (again to quit at once)");
            Fetcher f = CURRENT.get();
            if (f != null) {
                f.requestStop();
            }
        }

        @Override
        public void close() {
            CURRENT.set(null);
        }
    }
}

package io.github.threading4j.bench.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The side-by-side run: the core workloads on CPython, on the plain JDK and on threading4j, in one go,
 * interleaved workload by workload so that the machine's drift hits all three alike, then one table
 * and one chart.
 *
 * <pre>
 * java -jar threading4j-bench.jar            3 repetitions, 1 s per figure; stops by itself within 9 minutes
 * java -jar threading4j-bench.jar --quick    1 repetition, 0.3 s per figure; within 110 s (a smoke run)
 * options: --reps N  --deadline SECONDS  --bench-seconds S  --python PATH  --out DIR  --no-c
 * java -jar threading4j-bench.jar report RAW... [--max-others P] [--chart PNG] [--md]
 * </pre>
 *
 * <p>The CPython and plain-JDK programs are the anchors in {@code anchors/} (CPython's scripts travel in
 * this jar and are unpacked to a temporary folder; the JDK ones are compiled into it); threading4j's
 * are in {@code io.github.threading4j.bench.workloads}. Every program runs in its own process (so that
 * a peak RSS belongs to its figure) and prints {@code RESULT} lines; the runner adds {@code rep=N} and
 * {@code others=P}, the % of the CPUs that other work took meanwhile ({@link CpuShare}). CPython is
 * the fastest {@code python3.x} found ({@link PythonChooser}). Results go to
 * {@code bench-results/<date>/} under the current folder: {@code raw.txt}, {@code log.txt} (each
 * program's other output), {@code table.txt}, {@code table.md}, {@code chart.png}.
 */
public final class SideBySide {
    static final String WORKLOADS = "io.github.threading4j.bench.workloads.";

    private final boolean quick;
    private final int reps;
    private final int deadlineSeconds;
    private final String benchSeconds;
    private final String warmupSeconds;
    private final Path pythonGiven;
    private final Path outRoot;
    private final boolean withC;

    private Path anchors;
    private Path floorBinary;
    private Path python;
    private Path raw;
    private Path log;
    private long startNanos;
    private boolean failed;

    private SideBySide(Map<String, String> options, boolean quick) {
        this.quick = quick;
        this.reps = Integer.parseInt(options.getOrDefault("--reps", quick ? "1" : "3"));
        this.deadlineSeconds = Integer.parseInt(options.getOrDefault("--deadline", quick ? "110" : "540"));
        this.benchSeconds = options.getOrDefault("--bench-seconds", quick ? "0.3" : "1.0");
        this.warmupSeconds = quick ? "0.2" : "0.3";
        this.pythonGiven = options.containsKey("--python") ? Path.of(options.get("--python")) : null;
        this.outRoot = Path.of(options.getOrDefault("--out", "bench-results"));
        this.withC = !options.containsKey("--no-c");
    }

    public static int main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("report")) {
            return report(Arrays.copyOfRange(args, 1, args.length));
        }
        boolean quick = false;
        java.util.HashMap<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--no-c" -> options.put("--no-c", "");
                case "--reps", "--deadline", "--bench-seconds", "--python", "--out" -> {
                    if (i + 1 >= args.length) {
                        System.err.println(args[i] + ": a value is missing");
                        return 2;
                    }
                    options.put(args[i], args[++i]);
                }
                case "-h", "--help" -> {
                    System.out.println(usage());
                    return 0;
                }
                default -> {
                    System.err.println("unknown option: " + args[i] + "\n" + usage());
                    return 2;
                }
            }
        }
        if (Runtime.version().feature() < 21) {
            System.err.println("threading4j-bench: needs a JDK 21+ (this is " + Runtime.version() + ")");
            return 2;
        }
        return new SideBySide(options, quick).run();
    }

    static String usage() {
        return """
                usage: java -jar threading4j-bench.jar [--quick] [--reps N] [--deadline SECONDS] [--bench-seconds S]
                                                      [--python PATH] [--out DIR] [--no-c]
                       java -jar threading4j-bench.jar report RAW... [--max-others P] [--chart PNG] [--md]
                       java -jar threading4j-bench.jar jmh [JMH options]   (-prof gc unless -prof is given)""";
    }

    // ---- the run ---------------------------------------------------------------------------------

    private int run() throws Exception {
        startNanos = System.nanoTime();
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path out = outRoot.resolve(stamp + (quick ? "-quick" : ""));
        Files.createDirectories(out);
        raw = out.resolve("raw.txt");
        log = out.resolve("log.txt");
        Files.writeString(raw, "");
        Files.writeString(log, "");
        anchors = Files.createTempDirectory("threading4j-bench-anchors");
        try {
            unpackAnchors();
            return runIn(out, stamp);
        } finally {
            deleteTree(anchors);
        }
    }

    private int runIn(Path out, String stamp) throws Exception {
        PythonChooser.Choice choice;
        if (pythonGiven != null) {
            choice = PythonChooser.given(pythonGiven);
        } else {
            System.out.print("timing the CPython builds found ... ");
            System.out.flush();
            choice = PythonChooser.choose(quick ? 1 : 2);
            System.out.println();
        }
        if (choice == null) {
            System.err.println("threading4j-bench: no CPython 3.8+ found (give one with --python PATH)");
            return 2;
        }
        python = choice.path();
        floorBinary = withC ? compileFloor() : null;

        CpuShare.Snapshot first = CpuShare.snapshot();
        List<String> header = new ArrayList<>();
        header.add("# date: " + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")));
        header.add("# nproc: " + Runtime.getRuntime().availableProcessors() + "   cpu: " + cpuModel()
                + "   kernel: " + System.getProperty("os.version"));
        header.add("# memory: " + memoryGib());
        header.add("# python: " + choice.explain());
        header.add("# java: " + System.getProperty("java.vm.name") + " " + Runtime.version()
                + " (" + javaBinary() + ")");
        header.add("# mode: " + (quick ? "--quick" : "full") + "   reps: " + reps + "   BENCH_SECONDS: " + benchSeconds
                + "   deadline: " + deadlineSeconds + " s   C floors: " + (floorBinary != null ? "yes" : "no")
                + "   load average at start: " + loadAverage());
        for (String h : header) {
            System.out.println(h);
        }
        append(raw, header);

        long repNanos = 0;
        for (int rep = 1; rep <= reps; rep++) {
            long elapsed = System.nanoTime() - startNanos;
            if (rep > 1 && elapsed + repNanos > TimeUnit.SECONDS.toNanos(deadlineSeconds - 15)) {
                String stop = "# stopped after " + (rep - 1) + " repetitions: another would pass the deadline of "
                        + deadlineSeconds + " s";
                System.out.println(stop);
                append(raw, List.of(stop));
                break;
            }
            long repStart = System.nanoTime();
            System.out.printf("repetition %d/%d ", rep, reps);
            System.out.flush();
            for (Step step : plan(rep)) {
                runStep(step, rep);
            }
            repNanos = System.nanoTime() - repStart;
            System.out.printf(" %ds%n", TimeUnit.NANOSECONDS.toSeconds(repNanos));
        }

        String noise = "# during the run: " + CpuShare.summary(first, CpuShare.snapshot());
        System.out.println(noise);
        append(raw, List.of(noise));

        Report report = new Report().add(Files.readAllLines(raw));
        String text = report.text();
        System.out.println();
        System.out.print(text);
        Files.writeString(out.resolve("table.txt"), String.join("\n", header) + "\n" + noise + "\n\n" + text);
        Files.writeString(out.resolve("table.md"), report.markdown());
        Path png = out.resolve("chart.png");
        try {
            Charts.write(report, png, (quick ? "--quick, " : "") + stamp.substring(0, 8));
        } catch (IOException | RuntimeException | Error e) { // a JRE without AWT fonts: the table still counts
            System.err.println("chart not written: " + e);
            Files.deleteIfExists(png);
            png = null;
        }
        System.out.printf("results: %s (raw.txt, log.txt, table.txt, table.md%s)   total: %ds%n", out,
                png == null ? "" : ", chart.png", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos));
        return failed ? 1 : 0;
    }

    /** One program to run: a label for the log and its command line. */
    record Step(String label, List<String> command) {}

    /**
     * Every program of one repetition, workload by workload: CPython, then the plain JDK, then
     * threading4j. The I/O fan-out comes last, as it is the longest part. CPython's 100,000-task
     * fan-out takes about 40 s (its pool starts some 4,500 threads and submitting is slow under the
     * GIL), so it runs in the first repetition only, and not at all in --quick; --quick also leaves out
     * the 1,000 x 100 pool and the JDK's fixed pool of 10,000 platform threads (9 to 13 s here: the
     * kernel's futex hash slows 10,000 parked threads down). The JDK's fixed pool of 100,000 platform
     * threads never runs: 100,000 OS threads pass this kind of machine's pid limit.
     */
    List<Step> plan(int rep) {
        List<Step> steps = new ArrayList<>();
        py(steps, "lock_uncontended.py");
        jv(steps, "LockUncontended");
        ours(steps, "LockUncontended");
        py(steps, "counter_contended.py");
        jv(steps, "CounterContended");
        ours(steps, "CounterContended");
        py(steps, "queue_throughput.py");
        jv(steps, "QueueThroughput");
        ours(steps, "QueueThroughput");
        py(steps, "executor.py");
        jv(steps, "ExecutorTasks");
        ours(steps, "ExecutorTasks");
        py(steps, "cpu_scaling.py");
        jv(steps, "CpuScaling");
        ours(steps, "CpuScaling");
        py(steps, "event_pingpong.py");
        jv(steps, "EventPingPong");
        ours(steps, "EventPingPong");
        py(steps, "thread_start.py");
        for (String kind : List.of("platform", "virtual")) { // a process per kind: see the anchor's comment
            jv(steps, "ThreadStart", kind);
            ours(steps, "ThreadStart", kind);
        }
        jv(steps, "Floors");
        if (floorBinary != null) {
            steps.add(new Step("floor/floor", List.of(floorBinary.toString())));
        }
        int[][] sizes = quick ? new int[][] {{1_000, 1_000}, {10_000, 10_000}}
                : new int[][] {{1_000, 100}, {1_000, 1_000}, {10_000, 10_000}};
        for (int[] nw : sizes) {
            String n = String.valueOf(nw[0]);
            String w = String.valueOf(nw[1]);
            py(steps, "io_fanout.py", n, w);
            if (!(quick && nw[1] == 10_000)) {
                jv(steps, "IoFanout", n, w, "platform");
            }
            jv(steps, "IoFanout", n, w, "virtual");
            ours(steps, "IoFanout", n, w, "platform");
            ours(steps, "IoFanout", n, w, "virtual");
        }
        if (rep == 1 && !quick) {
            py(steps, "io_fanout.py", "100000", "100000");
        }
        jv(steps, "IoFanout", "100000", "100000", "virtual");
        ours(steps, "IoFanout", "100000", "100000", "virtual");
        return steps;
    }

    private void py(List<Step> steps, String script, String... args) {
        List<String> cmd = new ArrayList<>(List.of(String.valueOf(python), anchors.resolve("python").resolve(script).toString()));
        cmd.addAll(List.of(args));
        steps.add(new Step("python/" + script + " " + String.join(" ", args), cmd));
    }

    private void jv(List<Step> steps, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(javaBinary().toString(), "-cp", classPath(), mainClass));
        cmd.addAll(List.of(args));
        steps.add(new Step("java/" + mainClass + " " + String.join(" ", args), cmd));
    }

    private void ours(List<Step> steps, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(javaBinary().toString(), "-cp", classPath(), WORKLOADS + mainClass));
        cmd.addAll(List.of(args));
        steps.add(new Step("threading4j/" + mainClass + " " + String.join(" ", args), cmd));
    }

    /** Runs one program: keeps its RESULT lines tagged with rep and others, logs the rest. */
    private void runStep(Step step, int rep) throws IOException, InterruptedException {
        long left = deadlineSeconds - TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
        if (left < 5) {
            append(raw, List.of("ERROR " + step.label().strip() + " skipped: deadline"));
            failed = true;
            return;
        }
        long limit = Math.min(left, 90);
        append(log, List.of("## " + step.label().strip() + " rep=" + rep));
        Path stdout = Files.createTempFile(anchors, "stdout", ".txt");
        ProcessBuilder pb = new ProcessBuilder(step.command())
                .directory(step.label().startsWith("python/") ? anchors.resolve("python").toFile() : null)
                .redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("BENCH_SECONDS", benchSeconds);
        pb.environment().put("BENCH_WARMUP_SECONDS", warmupSeconds);
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        long t0 = System.nanoTime();
        CpuShare.Snapshot before = CpuShare.snapshot();
        Process p = pb.start();
        boolean finished = p.waitFor(limit, TimeUnit.SECONDS);
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        CpuShare.Snapshot after = CpuShare.snapshot();
        String others = String.format(Locale.ROOT, "%.0f", CpuShare.othersPercent(before, after));
        int rc = finished ? p.exitValue() : -1;
        List<String> results = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String line : Files.readAllLines(stdout)) {
            if (line.startsWith("RESULT ")) {
                results.add(line + " rep=" + rep + " others=" + others);
            } else if (!line.isBlank()) {
                rest.add(line);
            }
        }
        Files.delete(stdout);
        append(raw, results);
        rest.add("## " + step.label().strip() + " rep=" + rep + ": " + (finished ? "exit " + rc : "cut off at " + limit + " s")
                + " after " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0) + "s, others took " + others + "% of the CPUs");
        append(log, rest);
        if (rc != 0) {
            append(raw, List.of("ERROR " + step.label().strip() + (finished ? " exit=" + rc : " cut off") + " rep=" + rep
                    + " (see log.txt)"));
            failed = true;
        }
        System.out.print(rc == 0 ? "." : "E");
        System.out.flush();
    }

    // ---- the anchors and the C floor ---------------------------------------------------------------

    static final List<String> PYTHON_FILES = List.of("_common.py", "counter_contended.py", "cpu_scaling.py",
            "event_pingpong.py", "executor.py", "io_fanout.py", "lock_uncontended.py", "queue_throughput.py",
            "thread_start.py");

    private void unpackAnchors() throws IOException {
        Files.createDirectories(anchors.resolve("python"));
        Files.createDirectories(anchors.resolve("floor"));
        for (String f : PYTHON_FILES) {
            copyResource("anchors/python/" + f, anchors.resolve("python").resolve(f));
        }
        copyResource("anchors/floor/floor.c", anchors.resolve("floor").resolve("floor.c"));
    }

    private static void copyResource(String name, Path to) throws IOException {
        try (InputStream in = SideBySide.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("not in the jar: " + name);
            }
            Files.copy(in, to);
        }
    }

    /** The C floors, built with cc as run.sh builds them; null when there is no C compiler. */
    private Path compileFloor() {
        Path bin = anchors.resolve("floor").resolve("floor");
        try {
            Process p = new ProcessBuilder("cc", "-O2", "-pthread", "-o", bin.toString(),
                    anchors.resolve("floor").resolve("floor.c").toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? bin : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    // ---- machine facts -----------------------------------------------------------------------------

    static Path javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static String classPath() {
        return System.getProperty("java.class.path");
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse("?");
        } catch (IOException | UncheckedIOException e) {
            return System.getProperty("os.arch");
        }
    }

    private static String memoryGib() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> String.format(Locale.ROOT, "%.0f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .findFirst().orElse("?");
        } catch (IOException | UncheckedIOException e) {
            return "?";
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void append(Path file, List<String> lines) throws IOException {
        if (!lines.isEmpty()) {
            Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ---- report: the table and the chart again from saved raw results ------------------------------

    private static int report(String[] args) throws IOException {
        List<Path> files = new ArrayList<>();
        Double maxOthers = null;
        Path chart = null;
        boolean md = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--max-others" -> maxOthers = Double.valueOf(args[++i]);
                case "--chart" -> chart = Path.of(args[++i]);
                case "--md" -> md = true;
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            System.err.println(usage());
            return 2;
        }
        Report report = new Report();
        for (Path f : files) {
            report.add(Files.readAllLines(f), maxOthers);
        }
        System.out.print(md ? report.markdown() : report.text());
        if (chart != null) {
            Charts.write(report, chart, "");
            System.out.println("chart: " + chart);
        }
        return report.errors().isEmpty() ? 0 : 1;
    }
}

package io.github.threading4j.bench.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JMH results as one Markdown table: each threading4j benchmark next to the JDK benchmark doing
 * the same job in the same run, with the ratio ("times as fast", ≥ 1 = as fast or better) and the
 * bytes allocated per operation from {@code -prof gc}.
 *
 * <pre>
 * java -jar threading4j-bench.jar jmh -rf csv -rff platform.csv
 * java -jar threading4j-bench.jar jmh -rf csv -rff virtual.csv -jvmArgsAppend -Djmh.executor=VIRTUAL ...
 * java -jar threading4j-bench.jar jmh-table platform=platform.csv virtual=virtual.csv
 * </pre>
 */
public final class JmhTable {
    /** A threading4j benchmark method -> the JDK benchmark method it is compared with (same class). */
    static final Map<String, String> COUNTERPART = Map.ofEntries(
            Map.entry("LockBench.lockHold", "LockBench.jdkReentrantLock"),
            Map.entry("LockBench.lockAcquireRelease", "LockBench.jdkReentrantLock"),
            Map.entry("LockBench.rlockHold", "LockBench.jdkReentrantLock"),
            Map.entry("LockBench.rlockAcquireRelease", "LockBench.jdkReentrantLock"),
            Map.entry("LockBench.Contended.lock", "LockBench.Contended.jdkReentrantLock"),
            Map.entry("LockBench.Contended.rlock", "LockBench.Contended.jdkReentrantLock"),
            Map.entry("SemaphoreBench.semaphoreHold", "SemaphoreBench.jdkSemaphore"),
            Map.entry("SemaphoreBench.boundedSemaphoreHold", "SemaphoreBench.jdkSemaphore"),
            Map.entry("SemaphoreBench.Contended.semaphore", "SemaphoreBench.Contended.jdkSemaphore"),
            Map.entry("SemaphoreBench.Contended.boundedSemaphore", "SemaphoreBench.Contended.jdkSemaphore"),
            Map.entry("HandOffBench.event", "HandOffBench.jdk"),
            Map.entry("HandOffBench.condition", "HandOffBench.jdk"),
            Map.entry("QueueBench.putGet1tPython", "QueueBench.putTake1t"),
            Map.entry("ExecutorBench.poolSubmit", "ExecutorBench.jdkPoolSubmit"),
            Map.entry("ExecutorBench.poolMap", "ExecutorBench.jdkPoolInvokeAll"),
            Map.entry("ExecutorBench.virtualSubmit", "ExecutorBench.jdkVirtualSubmit"),
            Map.entry("ThreadStartBench.threadingPlatform", "ThreadStartBench.jdkPlatform"),
            Map.entry("ThreadStartBench.threadingVirtual", "ThreadStartBench.jdkVirtual"));

    /** The queue benchmarks compare a threading4j queue type with ArrayBlockingQueue of the same benchmark. */
    static final List<String> OUR_QUEUES = List.of("Queue", "LifoQueue", "PriorityQueue", "SimpleQueue");
    static final String QUEUE_BASELINE = "ArrayBlockingQueue";

    /** One primary result: benchmark (short name), param, mode, score, error, unit; and its B/op. */
    record Result(String benchmark, String param, String mode, double score, double error, String unit,
                  Double bytesPerOp) {
        String key() {
            return benchmark + (param.isEmpty() ? "" : "[" + param + "]");
        }
    }

    private JmhTable() {}

    /** Parses a JMH CSV result file ({@code -rf csv}). */
    static Map<String, Result> parse(List<String> lines) {
        Map<String, Result> primary = new LinkedHashMap<>();
        Map<String, Double> alloc = new LinkedHashMap<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            List<String> f = csv(line);
            if (f.size() < 7) {
                continue;
            }
            String name = f.get(0).replace("io.github.threading4j.bench.jmh.", "");
            String param = f.size() > 7 ? f.get(7) : "";
            double score = number(f.get(4));
            if (name.endsWith(":gc.alloc.rate.norm")) {
                String base = name.substring(0, name.indexOf(':'));
                alloc.put(base + (param.isEmpty() ? "" : "[" + param + "]"), score);
            } else if (!name.contains(":")) {
                Result r = new Result(name, param, f.get(1), score, number(f.get(5)), f.get(6), null);
                primary.put(r.key(), r);
            }
        }
        Map<String, Result> out = new LinkedHashMap<>();
        for (Result r : primary.values()) {
            out.put(r.key(), new Result(r.benchmark(), r.param(), r.mode(), r.score(), r.error(), r.unit(),
                    alloc.get(r.key())));
        }
        return out;
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** The JDK result a threading4j result is compared with, or null when it is a JDK one itself. */
    static Result counterpart(Result r, Map<String, Result> all) {
        if (OUR_QUEUES.contains(r.param()) && r.benchmark().startsWith("QueueBench.")) {
            String bench = COUNTERPART.getOrDefault(r.benchmark(), r.benchmark());
            return all.get(bench + "[" + QUEUE_BASELINE + "]");
        }
        String bench = COUNTERPART.get(r.benchmark());
        return bench == null ? null : all.get(bench + (r.param().isEmpty() ? "" : "[" + r.param() + "]"));
    }

    /** How many times as fast ours is as the JDK's, whichever way the mode points. */
    static double asFast(Result ours, Result jdk) {
        return ours.mode().equals("avgt") || ours.mode().equals("ss") ? jdk.score() / ours.score()
                : ours.score() / jdk.score();
    }

    static String markdown(Map<String, Map<String, Result>> runs) {
        StringBuilder sb = new StringBuilder();
        sb.append("| benchmark | threads | score | unit | B/op | JDK counterpart | JDK score | JDK B/op | vs JDK |\n");
        sb.append("|---|---|---:|---|---:|---|---:|---:|---:|\n");
        for (Map.Entry<String, Map<String, Result>> run : runs.entrySet()) {
            Map<String, Result> all = run.getValue();
            for (Result r : all.values()) {
                Result jdk = counterpart(r, all);
                if (jdk == null) {
                    continue; // a JDK row: shown as the counterpart of ours
                }
                sb.append("| `").append(r.key()).append("` | ").append(run.getKey()).append(" | ")
                        .append(score(r)).append(" | ").append(r.unit()).append(" | ").append(bytes(r.bytesPerOp()))
                        .append(" | `").append(jdk.key()).append("` | ").append(score(jdk)).append(" | ")
                        .append(bytes(jdk.bytesPerOp())).append(" | ")
                        .append(String.format(Locale.ROOT, "%.2fx", asFast(r, jdk))).append(" |\n");
            }
        }
        sb.append("\nscore ± the 99.9% error JMH gives; B/op = gc.alloc.rate.norm (-prof gc); vs JDK = how many ")
                .append("times as fast (ops/us: ours/JDK; ns/op: JDK/ours), ≥ 1x = as fast or better.\n");
        return sb.toString();
    }

    private static String score(Result r) {
        String s = Report.format(r.score());
        return Double.isNaN(r.error()) ? s : s + " ± " + Report.format(r.error());
    }

    private static String bytes(Double b) {
        return b == null ? "-" : String.format(Locale.ROOT, "%.1f", b);
    }

    /** {@code jmh-table LABEL=FILE.csv...}: prints the Markdown table. */
    public static int main(String[] args) throws IOException {
        Map<String, Map<String, Result>> runs = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            String label = eq > 0 ? a.substring(0, eq) : "platform";
            Path file = Path.of(eq > 0 ? a.substring(eq + 1) : a);
            runs.put(label, parse(Files.readAllLines(file)));
        }
        if (runs.isEmpty()) {
            System.err.println("usage: jmh-table [LABEL=]RESULTS.csv ...   (JMH -rf csv files)");
            return 2;
        }
        System.out.print(markdown(runs));
        return 0;
    }
}

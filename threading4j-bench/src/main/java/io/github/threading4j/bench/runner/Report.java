package io.github.threading4j.bench.runner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns {@code RESULT} lines into the side-by-side table: for each workload and kind of thread, the
 * median figure of CPython, the plain JDK and threading4j, threading4j's ratio to each, the spread of
 * the figures and how busy the machine was ({@code others}).
 *
 * <p>A line reads {@code RESULT workload=W impl=I value=V unit=U [key=value ...]}; the runner adds
 * {@code rep=N others=P} (the % of the CPUs that other work took while the program ran). Lines that
 * start with {@code ERROR} are kept and listed under the table.
 *
 * <p>Ratios say "how many times as fast", whichever way the unit points: for a throughput it is
 * ours / theirs, for a time or a size theirs / ours, so that 1 or more means as fast (or as small) or
 * better, below 1 slower. This is the orientation of the goals in BENCHMARKS.md.
 */
public final class Report {
    /** Units where a smaller figure is better. */
    static final Set<String> LOWER_IS_BETTER = Set.of("ns/op", "s", "MiB", "us/thread", "ns/call");

    /** The implementations, in the order the table shows them. */
    static final String CPYTHON = "cpython";
    static final String JDK = "jdk";
    static final String JDK_LBQ = "jdk-lbq";
    static final String JDK_VIRTUAL = "jdk-virtual";
    static final String OURS = "threading4j";
    static final String OURS_VIRTUAL = "threading4j-virtual";

    /** Floors (C, LockSupport): bounds, not implementations; listed apart. */
    static final Set<String> FLOORS = Set.of("jdk-park", "c", "c-mutex", "c-futex", "c-futex-1cpu", "c-spin",
            "c-pthread");

    /** Workloads that are floors whatever the implementation (the JVM's CAS, a system call). */
    static final Set<String> FLOOR_WORKLOADS = Set.of("cas_uncontended", "syscall");

    /** One RESULT line. */
    public record Line(String workload, String impl, double value, String unit, Double others,
                       Map<String, String> fields) {}

    /** All figures of one workload and implementation. */
    public static final class Figures {
        final List<Double> values = new ArrayList<>();
        final List<Double> others = new ArrayList<>();
        final List<Map<String, String>> fields = new ArrayList<>();
        String unit;

        public double median() {
            return Report.median(values);
        }

        public int count() {
            return values.size();
        }

        /** (max - min) / median, as a fraction. */
        double spread() {
            double m = median();
            return m == 0 ? 0 : (Collections.max(values) - Collections.min(values)) / m;
        }

        /** The value of an extra field in the line whose value is closest to the median (null if none). */
        public String field(String key) {
            double m = median();
            Map<String, String> best = null;
            double bestDistance = Double.MAX_VALUE;
            for (int i = 0; i < values.size(); i++) {
                double d = Math.abs(values.get(i) - m);
                if (d < bestDistance && fields.get(i).containsKey(key)) {
                    best = fields.get(i);
                    bestDistance = d;
                }
            }
            return best == null ? null : best.get(key);
        }
    }

    /** workload -> impl -> figures, in the order the workloads first appeared. */
    private final Map<String, Map<String, Figures>> figures = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private int leftOut;

    /** Parses one line: a RESULT line is recorded, an ERROR line kept, anything else ignored. */
    public static Line parse(String line) {
        String s = line.strip();
        if (!s.startsWith("RESULT ")) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : s.substring("RESULT ".length()).split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        String workload = fields.get("workload");
        String impl = fields.get("impl");
        String value = fields.get("value");
        String unit = fields.get("unit");
        if (workload == null || impl == null || value == null || unit == null) {
            throw new IllegalArgumentException("line: a RESULT line needs workload, impl, value and unit: " + s);
        }
        String others = fields.get("others");
        return new Line(workload, impl, Double.parseDouble(value), unit,
                others == null ? null : Double.valueOf(others), fields);
    }

    /**
     * Adds every line of a raw results text.
     *
     * @param maxOthers leave out the figures taken while others took more than this % (null: keep all)
     */
    public Report add(Iterable<String> lines, Double maxOthers) {
        for (String raw : lines) {
            String s = raw.strip();
            if (s.startsWith("ERROR")) {
                errors.add(s);
                continue;
            }
            Line line = parse(s);
            if (line == null) {
                continue;
            }
            if (maxOthers != null && line.others() != null && line.others() > maxOthers) {
                leftOut++;
                continue;
            }
            Figures f = figures.computeIfAbsent(line.workload(), w -> new LinkedHashMap<>())
                    .computeIfAbsent(line.impl(), i -> new Figures());
            f.values.add(line.value());
            f.unit = line.unit();
            f.fields.add(line.fields());
            if (line.others() != null) {
                f.others.add(line.others());
            }
        }
        return this;
    }

    public Report add(Iterable<String> lines) {
        return add(lines, null);
    }

    /** The figures of a workload and implementation, or null. */
    public Figures get(String workload, String impl) {
        Map<String, Figures> byImpl = figures.get(workload);
        return byImpl == null ? null : byImpl.get(impl);
    }

    /** The workloads, in the order they first appeared. */
    public List<String> workloads() {
        return new ArrayList<>(figures.keySet());
    }

    /**
     * How many times as fast {@code impl} is as {@code other} on a workload (medians; ≥ 1: as fast or
     * better, whichever way the unit points), or NaN when either is missing.
     */
    public double asFast(String workload, String impl, String other) {
        Figures a = get(workload, impl);
        Figures b = get(workload, other);
        if (a == null || b == null || a.median() == 0 || b.median() == 0) {
            return Double.NaN;
        }
        return LOWER_IS_BETTER.contains(a.unit) ? b.median() / a.median() : a.median() / b.median();
    }

    public List<String> errors() {
        return errors;
    }

    /** One row of the table: a workload on one kind of thread, against one JDK implementation. */
    public record Row(String workload, String unit, String threads, String cpython, String jdk, String ours,
                      String vsJdk, String vsCpython, String spread, String others, String n) {
        List<String> cells() {
            return List.of(workload, unit, threads, cpython, jdk, ours, vsJdk, vsCpython, spread, others, n);
        }
    }

    static final List<String> HEAD = List.of("workload", "unit", "threads", "CPython", "JDK", "threading4j",
            "t4j vs JDK", "t4j vs CPython", "spread", "others", "n");

    /**
     * The rows: per workload, one for platform threads (CPython, jdk, threading4j), one for the JDK's
     * LinkedBlockingQueue where it was measured, and one for virtual threads (CPython again, as it has
     * no virtual threads, jdk-virtual, threading4j-virtual); a row appears when it has a JDK or a
     * threading4j figure. Floors are not rows: see {@link #floors()}.
     */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, Figures>> e : figures.entrySet()) {
            String w = e.getKey();
            if (FLOOR_WORKLOADS.contains(w)) {
                continue;
            }
            Map<String, Figures> byImpl = e.getValue();
            Figures py = byImpl.get(CPYTHON);
            Figures ours = byImpl.get(OURS);
            Figures oursVirtual = byImpl.get(OURS_VIRTUAL);
            addRow(rows, w, "platform", py, byImpl.get(JDK), ours, true);
            if (byImpl.containsKey(JDK_LBQ)) {
                addRow(rows, w, "platform (JDK: LinkedBlockingQueue)", null, byImpl.get(JDK_LBQ), ours, false);
            }
            addRow(rows, w, "virtual", py, byImpl.get(JDK_VIRTUAL), oursVirtual, false);
        }
        return rows;
    }

    private static void addRow(List<Row> rows, String workload, String threads, Figures py, Figures jdk,
                               Figures ours, boolean evenIfOnlyCpython) {
        if (jdk == null && ours == null && !(evenIfOnlyCpython && py != null)) {
            return;
        }
        Figures any = ours != null ? ours : jdk != null ? jdk : py;
        String unit = any.unit;
        boolean lower = LOWER_IS_BETTER.contains(unit);
        double spread = 0;
        List<Double> others = new ArrayList<>();
        int n = Integer.MAX_VALUE;
        for (Figures f : new Figures[] {py, jdk, ours}) {
            if (f != null) {
                spread = Math.max(spread, f.spread());
                others.addAll(f.others);
                n = Math.min(n, f.count());
            }
        }
        rows.add(new Row(workload, unit + (lower ? " (lower)" : ""), threads,
                py == null ? "-" : format(py.median()),
                jdk == null ? "-" : format(jdk.median()),
                ours == null ? "-" : format(ours.median()),
                ratio(ours, jdk, lower), ratio(ours, py, lower),
                String.format(Locale.ROOT, "%.0f%%", spread * 100),
                others.isEmpty() ? "-" : String.format(Locale.ROOT, "%.0f%%", median(others)),
                String.valueOf(n)));
    }

    /** How many times as fast ours is as theirs (≥ 1: as fast or better), or "-". */
    static String ratio(Figures ours, Figures theirs, boolean lowerIsBetter) {
        if (ours == null || theirs == null) {
            return "-";
        }
        double o = ours.median();
        double t = theirs.median();
        if (o == 0 || t == 0) {
            return "-";
        }
        double r = lowerIsBetter ? t / o : o / t;
        return (r >= 10 ? String.format(Locale.ROOT, "%.0fx", r) : String.format(Locale.ROOT, "%.2fx", r));
    }

    /** The floors, one line each: workload, impl, median, unit. */
    public List<List<String>> floors() {
        List<List<String>> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Figures>> e : figures.entrySet()) {
            for (Map.Entry<String, Figures> f : e.getValue().entrySet()) {
                if (FLOORS.contains(f.getKey()) || FLOOR_WORKLOADS.contains(e.getKey())) {
                    out.add(List.of(e.getKey(), f.getKey(), format(f.getValue().median()), f.getValue().unit));
                }
            }
        }
        return out;
    }

    /** The table as aligned text. */
    public String text() {
        List<List<String>> table = new ArrayList<>();
        table.add(HEAD);
        String last = null;
        for (Row r : rows()) {
            List<String> cells = new ArrayList<>(r.cells());
            if (r.workload().equals(last)) {
                cells.set(0, "");
                cells.set(1, "");
            }
            last = r.workload();
            table.add(cells);
        }
        int[] widths = new int[HEAD.size()];
        for (List<String> row : table) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < table.size(); r++) {
            List<String> row = table.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String c = row.get(i);
                String pad = " ".repeat(widths[i] - c.length());
                line.append(i < 3 ? c + pad : pad + c).append(i + 1 < row.size() ? "  " : "");
            }
            sb.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                StringBuilder rule = new StringBuilder();
                for (int i = 0; i < widths.length; i++) {
                    rule.append("-".repeat(widths[i])).append(i + 1 < widths.length ? "  " : "");
                }
                sb.append(rule).append('\n');
            }
        }
        sb.append(footer());
        return sb.toString();
    }

    /** The table as Markdown. */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(String.join(" | ", HEAD)).append(" |\n|");
        for (int i = 0; i < HEAD.size(); i++) {
            sb.append(i < 3 ? "---|" : "---:|");
        }
        sb.append('\n');
        String last = null;
        for (Row r : rows()) {
            List<String> cells = new ArrayList<>(r.cells());
            cells.set(0, r.workload().equals(last) ? "" : "`" + r.workload() + "`");
            if (r.workload().equals(last)) {
                cells.set(1, "");
            }
            last = r.workload();
            sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        sb.append('\n').append(footer());
        return sb.toString();
    }

    private String footer() {
        StringBuilder sb = new StringBuilder();
        sb.append("""
                Figures are medians of n runs. 't4j vs X' = how many times as fast threading4j is as X, \
                whichever way the unit points
                (ours/theirs for a throughput, theirs/ours for a time or a size): 1x or more is as fast or \
                better, below 1x slower.
                (lower) = lower is better. spread = (max - min) / median, the worst of the row's figures. \
                others = median % of the
                CPUs that other work took while the row's figures were measured. CPython has no virtual \
                threads: its figure is
                repeated on the virtual row.
                """);
        List<List<String>> floors = floors();
        if (!floors.isEmpty()) {
            sb.append("floors (what the hardware, the kernel or the JVM allows; no implementation):\n");
            StringBuilder line = new StringBuilder(" ");
            for (List<String> f : floors) {
                String part = " " + f.get(0) + " " + f.get(1) + " " + f.get(2) + " " + f.get(3) + ";";
                if (line.length() + part.length() > 110) {
                    sb.append(line).append('\n');
                    line = new StringBuilder(" ");
                }
                line.append(part);
            }
            sb.append(line).append('\n');
        }
        if (leftOut > 0) {
            sb.append("left out: ").append(leftOut).append(" figures measured while others took too much of the CPUs\n");
        }
        for (String e : errors) {
            sb.append(e).append('\n');
        }
        return sb.toString();
    }

    static double median(List<Double> xs) {
        List<Double> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Three significant digits, with k and M for large numbers (as report.py prints them). */
    static String format(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e6) {
            return sig3(v / 1e6) + "M";
        }
        if (a >= 1e4) {
            return sig3(v / 1e3) + "k";
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return sig3(v);
    }

    private static String sig3(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}

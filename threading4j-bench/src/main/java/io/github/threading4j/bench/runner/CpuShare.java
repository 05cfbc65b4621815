package io.github.threading4j.bench.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How busy the machine was with other work while a program ran: the {@code others} figure of the
 * anchor benchmarks' run.sh, computed the same way.
 *
 * <p>A snapshot holds the CPU jiffies of the whole machine from {@code /proc/stat} (busy: user, nice,
 * system, irq, softirq; steal: taken by the hypervisor; total) and the CPU time of this runner and of
 * the programs it has run and waited for ({@code /proc/self/stat}: utime, stime, cutime, cstime).
 * Between two snapshots, others = (busy + steal - ours) / total: the % of the CPUs that went to
 * anything but the benchmark (other processes, the kernel's own threads, the hypervisor). A child's
 * time counts once the runner has waited for it, so take the second snapshot after
 * {@code waitFor}. Off Linux every snapshot is zero and others reads 0.
 */
final class CpuShare {
    /** Jiffies (clock ticks) of all CPUs and of this process with its waited-for children. */
    record Snapshot(long busy, long steal, long total, long ours) {}

    private CpuShare() {}

    static Snapshot snapshot() {
        long busy = 0;
        long steal = 0;
        long total = 0;
        long ours = 0;
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0); // "cpu  user nice system idle iowait irq softirq steal ..."
            String[] f = cpu.trim().split("\\s+");
            long user = Long.parseLong(f[1]);
            long nice = Long.parseLong(f[2]);
            long system = Long.parseLong(f[3]);
            long idle = Long.parseLong(f[4]);
            long iowait = Long.parseLong(f[5]);
            long irq = Long.parseLong(f[6]);
            long softirq = Long.parseLong(f[7]);
            steal = Long.parseLong(f[8]);
            busy = user + nice + system + irq + softirq;
            total = busy + idle + iowait + steal;
            String self = Files.readString(Path.of("/proc/self/stat"));
            // the command name (field 2) is in parentheses and may hold spaces: fields after it start at 3
            String[] g = self.substring(self.lastIndexOf(')') + 2).trim().split("\\s+");
            for (int field = 14; field <= 17; field++) { // utime, stime, cutime, cstime
                ours += Long.parseLong(g[field - 3]);
            }
        } catch (IOException | RuntimeException e) {
            return new Snapshot(0, 0, 0, 0);
        }
        return new Snapshot(busy, steal, total, ours);
    }

    /** The % of the CPUs that other work took between two snapshots (0 when it cannot be known). */
    static double othersPercent(Snapshot before, Snapshot after) {
        long total = after.total() - before.total();
        if (total <= 0) {
            return 0;
        }
        long others = after.busy() + after.steal() - before.busy() - before.steal() - (after.ours() - before.ours());
        return Math.max(0, 100.0 * others / total);
    }

    /** Busy, ours, others and steal over a span, as run.sh's closing line prints them. */
    static String summary(Snapshot before, Snapshot after) {
        long total = after.total() - before.total();
        if (total <= 0) {
            return "CPU shares unknown (no /proc/stat)";
        }
        double busy = 100.0 * (after.busy() - before.busy()) / total;
        double ours = 100.0 * (after.ours() - before.ours()) / total;
        double steal = 100.0 * (after.steal() - before.steal()) / total;
        return String.format(Locale.ROOT, "CPUs busy %.0f%%, the benchmarks %.0f%%, everything else %.1f%%, steal %.1f%%",
                busy, ours, othersPercent(before, after), steal);
    }
}

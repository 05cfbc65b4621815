package io.github.threading4j.bench.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Finds the fastest CPython 3 on the machine, by measuring rather than guessing.
 *
 * <p>Builds differ a lot on the very loops the benchmarks time: a distribution's build, compiled with
 * profile-guided optimisation, runs the single-thread lock and queue loops 1.4x to 1.6x faster than
 * an unoptimised build of the same version (pyenv's builds here are unoptimised), and the build flags
 * do not always say so (Debian's PGO does not show in {@code CONFIG_ARGS}). So every {@code python3.x}
 * found on the {@code PATH}, in {@code /usr/bin} and {@code /usr/local/bin}, and in pyenv's versions
 * is timed on a small loop of the benchmarks' own kind ({@code with lock: pass}, then a queue put and
 * get), each twice, and the fastest (best of its runs) is used. Versions before 3.8 are skipped.
 */
final class PythonChooser {
    /** The loop every candidate runs: ns per round of `with lock: pass` plus a queue put and get. */
    static final String PROBE = String.join("\n",
            "import sys, threading, time, queue",
            "lock = threading.Lock(); q = queue.Queue(100)",
            "n = 0; t = time.perf_counter()",
            "while time.perf_counter() - t < 0.25:",
            "    for _ in range(5000):",
            "        with lock:",
            "            pass",
            "        q.put(1); q.get()",
            "    n += 5000",
            "print('%d %d.%d.%d' % ((round((time.perf_counter() - t) * 1e9 / n),) + tuple(sys.version_info[:3])))");

    private static final Pattern NAME = Pattern.compile("python3(\\.\\d+)?");

    /** One candidate interpreter and its probe time. */
    record Candidate(Path path, String version, double nanos) {}

    /** The chosen interpreter and every candidate timed, fastest first. */
    record Choice(Path path, String version, List<Candidate> timed) {
        String explain() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%s (CPython %s): the fastest of %d CPython 3 builds found "
                    + "on a lock and queue loop of the benchmarks' kind", path, version, timed.size()));
            List<String> parts = new ArrayList<>();
            for (Candidate c : timed) {
                parts.add(String.format(Locale.ROOT, "%s %s %.0f ns", c.path(), c.version(), c.nanos()));
            }
            sb.append(" (").append(String.join(", ", parts)).append(")");
            return sb.toString();
        }
    }

    private PythonChooser() {}

    /** Every python3 / python3.x executable found, real paths, no duplicates, no pyenv shims. */
    static List<Path> candidates() {
        Map<Path, Path> found = new LinkedHashMap<>();
        List<Path> dirs = new ArrayList<>();
        String pathEnv = System.getenv("PATH");
        if (pathEnv != null) {
            for (String d : pathEnv.split(":")) {
                if (!d.isEmpty() && !d.contains("shims")) {
                    dirs.add(Path.of(d));
                }
            }
        }
        dirs.add(Path.of("/usr/bin"));
        dirs.add(Path.of("/usr/local/bin"));
        String pyenvRoot = System.getenv("PYENV_ROOT");
        Path pyenv = pyenvRoot != null ? Path.of(pyenvRoot) : Path.of(System.getProperty("user.home"), ".pyenv");
        Path versions = pyenv.resolve("versions");
        if (Files.isDirectory(versions)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(versions)) {
                for (Path v : ds) {
                    dirs.add(v.resolve("bin"));
                }
            } catch (IOException e) {
                // no pyenv versions to look at
            }
        }
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) {
                    if (NAME.matcher(p.getFileName().toString()).matches() && Files.isExecutable(p)) {
                        try {
                            Path real = p.toRealPath();
                            found.putIfAbsent(real, real);
                        } catch (IOException e) {
                            // a dangling link
                        }
                    }
                }
            } catch (IOException e) {
                // unreadable directory
            }
        }
        return new ArrayList<>(found.values());
    }

    /** Runs the probe once: {ns per round, version}, or null when it failed or is older than 3.8. */
    static Candidate probe(Path python) {
        try {
            Process p = new ProcessBuilder(python.toString(), "-c", PROBE).redirectErrorStream(true).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                return null;
            }
            String[] parts = out.split("\\s+");
            String version = parts[1];
            String[] v = version.split("\\.");
            if (Integer.parseInt(v[0]) != 3 || Integer.parseInt(v[1]) < 8) {
                return null;
            }
            return new Candidate(python, version, Double.parseDouble(parts[0]));
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Times every candidate {@code runs} times (interleaved) and picks the fastest; null if none works. */
    static Choice choose(int runs) {
        Map<Path, Candidate> best = new LinkedHashMap<>();
        List<Path> all = candidates();
        for (int r = 0; r < runs; r++) {
            for (Path p : all) {
                if (r > 0 && !best.containsKey(p)) {
                    continue; // failed the first time
                }
                Candidate c = probe(p);
                if (c != null) {
                    best.merge(p, c, (a, b) -> a.nanos() <= b.nanos() ? a : b);
                }
            }
        }
        if (best.isEmpty()) {
            return null;
        }
        List<Candidate> timed = new ArrayList<>(best.values());
        timed.sort(Comparator.comparingDouble(Candidate::nanos));
        Candidate fastest = timed.get(0);
        return new Choice(fastest.path(), fastest.version(), timed);
    }

    /** The version of a given interpreter, for --python; null if it does not run. */
    static Choice given(Path python) {
        Candidate c = probe(python);
        return c == null ? null : new Choice(python, c.version(), List.of(c));
    }
}

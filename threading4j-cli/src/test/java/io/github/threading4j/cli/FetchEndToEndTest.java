package io.github.threading4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.threading4j.examples.server.DelayServer;
import io.github.threading4j.support.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command, started as a child JVM from the built classes, against the embedded delay server on
 * 127.0.0.1: each result line, the summary and the exit code checked; each option of --help exercised so
 * that ignoring it fails a test.
 */
class FetchEndToEndTest {
    static DelayServer server;
    static String base;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = DelayServer.start();
        base = server.base();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void resetCounters() {
        server.stats(true);
    }

    // --- helpers ------------------------------------------------------------------------------

    static ChildJvm.Result fetch(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "fetch";
        System.arraycopy(args, 0, all, 1, args.length);
        return ChildJvm.run(Main.class, all);
    }

    /** One JSON object per line, as maps (numbers as Long or Double, null as null). */
    static List<Map<String, Object>> jsonLines(String text) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try (JsonParser p = new JsonFactory().createParser(line)) {
                Map<String, Object> m = new HashMap<>();
                assertEquals(JsonToken.START_OBJECT, p.nextToken(), line);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    m.put(name, switch (t) {
                        case VALUE_NULL -> null;
                        case VALUE_NUMBER_INT -> p.getLongValue();
                        case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                        default -> p.getText();
                    });
                }
                assertEquals(Set.of("url", "status", "bytes", "latency_ms", "attempts", "error"), m.keySet(), line);
                out.add(m);
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON line: " + line, e);
            }
        }
        return out;
    }

    static Map<String, Object> byUrl(List<Map<String, Object>> lines, String url) {
        List<Map<String, Object>> m = lines.stream().filter(l -> url.equals(l.get("url"))).toList();
        assertEquals(1, m.size(), "exactly one line for " + url + " in " + lines);
        return m.get(0);
    }

    Path file(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
    }

    static int peak1s() {
        Matcher m = Pattern.compile("\"peak_1s\":(\\d+)").matcher(server.stats(false));
        assertTrue(m.find());
        return Integer.parseInt(m.group(1));
    }

    static double resultSeconds(String stdout) {
        Matcher m = Pattern.compile("RESULT ok=\\d+ failed=\\d+ bytes=\\d+ seconds=([\\d.]+)").matcher(stdout);
        assertTrue(m.find(), stdout);
        return Double.parseDouble(m.group(1));
    }

    // --- every outcome on one list ------------------------------------------------------------

    /** Slow, 404, 500, 429 with Retry-After, reset, redirects, a bad line, a large body, a timeout: each line right. */
    @Test
    void everyKindOfOutcomeGetsItsLineAndTheSummaryCountsThem() throws IOException {
        String ok = base + "/delay/200/ok?size=1024";
        String notFound = base + "/status/404";
        String error = base + "/status/500";
        String tooMany = base + "/status/429?retry_after=1";
        String reset = base + "/reset";
        String redirect = base + "/redirect/3";
        String loop = base + "/redirect/30";
        String large = base + "/bytes/3000000";
        String slow = base + "/delay/5000/slow";
        Path list = file("urls.txt", "# a comment", "", ok, notFound, "not a url", error, tooMany, "   ", reset,
                redirect, loop, large, slow, "ftp://example.org/x");
        ChildJvm.Result r = fetch("-i", list.toString(), "--retries", "1", "--timeout", "1.5");
        assertEquals(1, r.exitCode(), r.toString());
        List<Map<String, Object>> lines = jsonLines(r.stdout());
        assertEquals(11, lines.size(), r.toString());

        Map<String, Object> l = byUrl(lines, ok);
        assertEquals(200L, l.get("status"));
        assertEquals(1024L, l.get("bytes"));
        assertEquals(1L, l.get("attempts"));
        assertNull(l.get("error"));
        assertTrue((Double) l.get("latency_ms") >= 0.6 * 200, l.toString());

        l = byUrl(lines, notFound);
        assertEquals(404L, l.get("status"));
        assertEquals(1L, l.get("attempts"), "a 404 is never retried");
        assertTrue(((String) l.get("error")).startsWith("http:"), l.toString());

        l = byUrl(lines, error);
        assertEquals(500L, l.get("status"));
        assertEquals(2L, l.get("attempts"), "a 500 is retried --retries times");

        l = byUrl(lines, tooMany);
        assertEquals(429L, l.get("status"));
        assertEquals(2L, l.get("attempts"));
        assertTrue((Double) l.get("latency_ms") >= 0.6 * 1000, "Retry-After: 1 was honoured: " + l);

        l = byUrl(lines, reset);
        assertNull(l.get("status"));
        assertEquals(2L, l.get("attempts"));
        assertTrue(((String) l.get("error")).startsWith("reset:"), l.toString());

        l = byUrl(lines, redirect);
        assertEquals(200L, l.get("status"));
        assertEquals("redirected\n".length(), ((Long) l.get("bytes")).intValue());

        l = byUrl(lines, loop);
        assertTrue(((String) l.get("error")).startsWith("redirects:"), l.toString());
        assertEquals(1L, l.get("attempts"));

        l = byUrl(lines, large);
        assertEquals(3_000_000L, l.get("bytes"));

        l = byUrl(lines, slow);
        assertNull(l.get("status"));
        assertTrue(((String) l.get("error")).startsWith("timeout:"), l.toString());
        assertEquals(1L, l.get("attempts"), "a timeout is not retried");

        for (String bad : new String[] {"not a url", "ftp://example.org/x"}) {
            l = byUrl(lines, bad);
            assertNull(l.get("status"));
            assertEquals(0L, l.get("attempts"));
            assertTrue(((String) l.get("error")).startsWith("invalid-url:"), l.toString());
        }

        String summary = r.stderr();
        assertTrue(summary.contains("fetched 11 URLs"), summary);
        assertTrue(summary.contains("3 ok, 8 failed"), summary);
        assertTrue(summary.contains("by status:  200 x3, 404 x1, 429 x1, 500 x1, none x5"), summary);
        assertTrue(summary.contains("by error:   http x3, invalid-url x2, redirects x1, reset x1, timeout x1"), summary);
        assertTrue(summary.matches("(?s).*latency: +p50 [\\d.]+ ms, p95 [\\d.]+ ms, p99 [\\d.]+ ms, max .*"), summary);
        assertTrue(summary.matches("(?s).*in [\\d.]+ s \\([\\d.]+/s\\).*"), summary);
    }

    /** Everything fetched: exit 0; CSV has a header and one record per URL. */
    @Test
    void csvFormatAndExitZero() {
        String a = base + "/delay/0/a?size=10";
        String b = base + "/delay/0/b,c?size=20";
        ChildJvm.Result r = fetch("--format", "csv", a, b);
        assertEquals(0, r.exitCode(), r.toString());
        List<String> rows = r.stdout().lines().toList();
        assertEquals("url,status,bytes,latency_ms,attempts,error", rows.get(0));
        assertEquals(3, rows.size(), r.stdout());
        assertTrue(rows.stream().anyMatch(x -> x.startsWith(a + ",200,10,") && x.endsWith(",1,")), r.stdout());
        assertTrue(rows.stream().anyMatch(x -> x.startsWith("\"" + b + "\",200,20,")), "quoted comma: " + r.stdout());
    }

    /**
     * --http2 (the JDK's client; plain http stays HTTP/1.1): the requests come from the JDK's client, as the
     * User-Agent the server saw says, with the same lines, redirects and limits as the default client.
     */
    @Test
    void http2OptionUsesTheJdkClientWithTheSameResults() throws IOException {
        String agent = base + "/agent";
        String redirect = base + "/redirect/2";
        String loop = base + "/redirect/30";
        Path saved = dir.resolve("agents");
        ChildJvm.Result r = fetch("--http2", "--retries", "0", "--save", saved.toString(), agent, redirect, loop);
        assertEquals(1, r.exitCode(), r.toString());
        List<Map<String, Object>> lines = jsonLines(r.stdout());
        assertEquals(3, lines.size(), r.toString());
        assertEquals(200L, byUrl(lines, redirect).get("status"));
        assertTrue(((String) byUrl(lines, loop).get("error")).startsWith("redirects:"), r.toString());
        assertTrue(readSaved(saved, "agent").startsWith("java-http-client"), readSaved(saved, "agent"));
        Path plain = dir.resolve("agents-default");
        assertEquals(0, fetch("--save", plain.toString(), agent).exitCode());
        assertTrue(readSaved(plain, "agent").startsWith("threading4j"), readSaved(plain, "agent"));
    }

    /** The one body saved in {@code dir} whose file name contains {@code part}. */
    private static String readSaved(Path dir, String part) throws IOException {
        try (var files = Files.list(dir)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().contains(part)).toList();
            assertEquals(1, found.size(), found.toString());
            return Files.readString(found.get(0));
        }
    }

    /** --format table: a header and aligned rows naming status, bytes and URL. */
    @Test
    void tableFormat() {
        ChildJvm.Result r = fetch("-f", "table", base + "/status/404", base + "/delay/0/t?size=5");
        assertEquals(1, r.exitCode(), r.toString());
        List<String> rows = r.stdout().lines().toList();
        assertTrue(rows.get(0).matches("STATUS +BYTES +LATENCY +TRIES +URL"), rows.get(0));
        assertTrue(rows.stream().anyMatch(x -> x.matches("404 +11 +\\d+ ms +1 +" + Pattern.quote(base + "/status/404")
                + " +http: status 404")), r.stdout());
        assertTrue(rows.stream().anyMatch(x -> x.matches("200 +5 +\\d+ ms +1 +.*/delay/0/t\\?size=5")), r.stdout());
    }

    /** --output FILE: the lines go to the file, nothing to stdout. */
    @Test
    void outputFile() throws IOException {
        Path out = dir.resolve("out.jsonl");
        ChildJvm.Result r = fetch("-o", out.toString(), base + "/delay/0/o1", base + "/delay/0/o2");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("", r.stdout());
        assertEquals(2, jsonLines(Files.readString(out)).size());
    }

    /** --save DIR: each 2xx body in its own safely named file, byte for byte; failures not saved. */
    @Test
    void saveBodies() throws IOException {
        Path saved = dir.resolve("bodies");
        ChildJvm.Result r = fetch("--save", saved.toString(), "--retries", "0", base + "/delay/0/first?size=100",
                base + "/bytes/70000", base + "/status/500");
        assertEquals(1, r.exitCode(), r.toString());
        List<String> names;
        try (var s = Files.list(saved)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("000001-127.0.0.1_" + server.port() + "_delay_0_first_size_100",
                "000002-127.0.0.1_" + server.port() + "_bytes_70000"), names);
        byte[] body = Files.readAllBytes(saved.resolve(names.get(0)));
        assertEquals(100, body.length);
        assertTrue(new String(body).startsWith("ok first\n"));
        assertEquals(70000, Files.size(saved.resolve(names.get(1))));
    }

    /** --save-failed FILE: exactly the URLs that failed (not the good ones, not the bad lines), reusable with -i. */
    @Test
    void saveFailedListsWhatToRerun() throws IOException {
        Path failed = dir.resolve("failed.txt");
        String good = base + "/delay/0/good";
        String bad1 = base + "/status/404";
        String bad2 = base + "/reset";
        ChildJvm.Result r = fetch("--save-failed", failed.toString(), "--retries", "0", good, bad1, "oops", bad2);
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(Set.of(bad1, bad2), Set.copyOf(Files.readAllLines(failed)));
        server.stats(true);
        ChildJvm.Result again = fetch("-i", failed.toString(), "--retries", "0");
        assertEquals(2, jsonLines(again.stdout()).size(), again.toString());
        assertEquals(2, server.requests());
    }

    /** - reads URLs from standard input, streaming. */
    @Test
    void standardInput() throws Exception {
        String urls = IntStream.range(0, 30).mapToObj(i -> base + "/delay/0/s" + i).collect(Collectors.joining("\n"));
        ChildJvm.Result r = runWithStdin(urls + "\n# done\n", "fetch", "-", "-m", "4");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(30, jsonLines(r.stdout()).size());
        assertEquals(30, server.requests());
    }

    // --- the caps -----------------------------------------------------------------------------

    /** --max-in-flight N: the server never sees more than N requests at once. */
    @Test
    void maxInFlightCapsConcurrency() {
        ChildJvm.Result r = fetch(urls(20, 150).toArray(String[]::new), "-m", "4");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(server.peakInFlight() <= 4, "peak " + server.peakInFlight());
        assertTrue(server.peakInFlight() >= 2, "ran concurrently: peak " + server.peakInFlight());
    }

    /** --workers N: a pool of N threads, so at most N at once even with a larger --max-in-flight. */
    @Test
    void workersBoundThePool() {
        ChildJvm.Result r = fetch(urls(12, 150).toArray(String[]::new), "--workers", "3");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(server.peakInFlight() <= 3, "peak " + server.peakInFlight());
        assertTrue(server.peakInFlight() >= 2, "peak " + server.peakInFlight());
    }

    /** --per-host N: at most N at once to one origin. */
    @Test
    void perHostCapsOneOrigin() {
        ChildJvm.Result r = fetch(urls(10, 150).toArray(String[]::new), "--per-host", "2");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(server.peakInFlight() <= 2, "peak " + server.peakInFlight());
    }

    /**
     * --rate R: the server sees at most R+1 arrivals in any second while requests run concurrently (all 12 in
     * flight at once; without the limiter they would arrive within a few milliseconds).
     *
     * <p>The server stamps a request when its thread reads it, so a request that stalls between taking its
     * token and being read by more than one token interval can put R+2 stamps in a second. At R = 10 (100 ms)
     * a loaded 2-core machine did that once; at R = 5 the stall would have to exceed 200 ms.
     */
    @Test
    void rateIsHeldAtTheServer() {
        ChildJvm.Result r = fetch(urls(12, 50).toArray(String[]::new), "--rate", "5", "-m", "12", "--result-line");
        assertEquals(0, r.exitCode(), r.toString());
        int peak = peak1s();
        assertTrue(peak <= 6, "peak_1s " + peak);
        assertTrue(resultSeconds(r.stdout()) >= 0.6 * 2.2, r.stdout());
    }

    /** A 429 with Retry-After pauses every queued request to that origin, not only the one URL. */
    @Test
    void retryAfterPausesTheOrigin() {
        List<String> args = new ArrayList<>(List.of(base + "/status/429?retry_after=2"));
        args.addAll(urls(4, 0));
        args.addAll(List.of("-m", "1", "--retries", "0", "--result-line"));
        ChildJvm.Result r = fetch(args.toArray(String[]::new));
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(5, jsonLines(r.stdout().replaceAll("(?m)^RESULT.*$", "")).size());
        assertTrue(resultSeconds(r.stdout()) >= 0.6 * 2, "the other URLs waited for the origin: " + r.stdout());
    }

    /** --timeout: a request slower than it fails as a timeout instead of waiting for the answer. */
    @Test
    void timeoutGivesUp() {
        ChildJvm.Result r = fetch("--timeout", "0.5", "--result-line", base + "/delay/4000/late");
        assertEquals(1, r.exitCode(), r.toString());
        Map<String, Object> l = jsonLines(r.stdout().replaceAll("(?m)^RESULT.*$", "")).get(0);
        assertTrue(((String) l.get("error")).startsWith("timeout:"), l.toString());
        double s = resultSeconds(r.stdout());
        assertTrue(s >= 0.6 * 0.5 && s < 10 * 0.5 - 1, "gave up after " + s + " s");
    }

    /** --retries N: a 500 is sent N+1 times. */
    @Test
    void retriesCount() {
        ChildJvm.Result r = fetch("--retries", "3", base + "/status/503?retry_after=0");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(4L, jsonLines(r.stdout()).get(0).get("attempts"));
        assertEquals(4, server.requests());
        server.stats(true);
        ChildJvm.Result none = fetch("--retries", "0", base + "/status/500");
        assertEquals(1L, jsonLines(none.stdout()).get(0).get("attempts"));
        assertEquals(1, server.requests());
    }

    // --- Ctrl-C ------------------------------------------------------------------------------

    /** SIGINT mid-run: exit 130, every request the server answered has its line, the rest go to --save-failed. */
    @Test
    void sigintLosesNoCompletedResult() throws Exception {
        List<String> all = urls(300, 300);
        Path list = file("many.txt", all.toArray(String[]::new));
        Path failed = dir.resolve("unfinished.txt");
        // A process started in the background by a non-interactive shell inherits SIGINT ignored, and a JVM
        // then keeps ignoring it (as a background job should): reset it so the test does not depend on how
        // the build itself was started.
        List<String> cmd = new ArrayList<>(List.of("env", "--default-signal=INT",
                ChildJvm.javaBinary(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "fetch", "-i", list.toString(), "-m", "10", "--save-failed", failed.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("err.txt").toFile()).start();
        StringBuilder out = new StringBuilder();
        var reader = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
        String line;
        int seen = 0;
        while (seen < 20 && (line = reader.readLine()) != null) { // lines stream out as URLs complete
            out.append(line).append('\n');
            seen++;
        }
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        while ((line = reader.readLine()) != null) {
            out.append(line).append('\n');
        }
        assertTrue(p.waitFor(io.github.threading4j.support.Timeouts.LONG.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
        String err = Files.readString(dir.resolve("err.txt"));
        assertEquals(130, p.exitValue(), err);
        List<Map<String, Object>> lines = jsonLines(out.toString());
        assertTrue(lines.size() >= 20 && lines.size() < 300, lines.size() + " lines");
        assertEquals(server.requests(), lines.size(), "one line per request the server saw");
        assertTrue(lines.stream().allMatch(l -> Long.valueOf(200).equals(l.get("status"))), "in-flight ones finished");
        Set<String> done = lines.stream().map(l -> (String) l.get("url")).collect(Collectors.toSet());
        Set<String> rest = new TreeSet<>(Files.readAllLines(failed));
        Set<String> expected = new TreeSet<>(all);
        expected.removeAll(done);
        assertEquals(expected, rest, "--save-failed lists exactly the URLs not finished");
        assertTrue(err.contains("interrupted after " + lines.size() + " URLs"), err);
        assertTrue(err.contains((300 - lines.size()) + " unfinished"), err);
    }

    // --- the demonstration, usage, help -------------------------------------------------------

    /** No URL: the demo fetches --demo-count URLs of --demo-latency ms one at a time, then concurrently. */
    @Test
    void demoShowsTheSpeedUp() {
        ChildJvm.Result r = ChildJvm.run(Main.class, "fetch", "--demo-count", "12", "--demo-latency", "80");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("Fetching 12 URLs"), r.stdout());
        assertTrue(r.stdout().contains("80 ms per answer"), r.stdout());
        Matcher one = Pattern.compile("one at a time: +([\\d.]+) s +\\(12 ok, 0 failed\\)").matcher(r.stdout());
        Matcher many = Pattern.compile("concurrently: +([\\d.]+) s +\\(12 ok, 0 failed; 12 virtual threads\\)").matcher(r.stdout());
        assertTrue(one.find() && many.find(), r.stdout());
        assertTrue(Double.parseDouble(one.group(1)) >= 0.6 * 12 * 0.08, r.stdout());
        assertTrue(r.stdout().matches("(?s).*speed-up: +[\\d.]+x.*"), r.stdout());
    }

    /** Bad usage exits 2 with a message naming the option. */
    @Test
    void badUsageExitsTwo() {
        ChildJvm.Result r = fetch("--rate", "0", base + "/delay/0/x");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("--rate"), r.stderr());
        assertEquals(2, fetch("--no-such-option").exitCode());
        ChildJvm.Result missing = fetch("-i", dir.resolve("missing.txt").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.stderr().contains("cannot read -i"), missing.stderr());
        assertEquals(0, server.requests(), "nothing fetched on bad usage");
    }

    /** Every option that --help lists is exercised by a test in this class (this list), and -V prints the version. */
    @Test
    void everyHelpOptionIsTested() {
        ChildJvm.Result r = fetch("--help");
        assertEquals(0, r.exitCode(), r.toString());
        Set<String> listed = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\s+(?:-\\w, )?(--[a-z0-9-]+)").matcher(r.stdout());
        while (m.find()) {
            listed.add(m.group(1));
        }
        Set<String> tested = new TreeSet<>(Arrays.asList("--input", "--workers", "--max-in-flight", "--rate",
                "--per-host", "--timeout", "--retries", "--http2", "--format", "--output", "--save", "--save-failed",
                "--demo-count", "--demo-latency", "--help", "--version"));
        assertEquals(tested, listed, r.stdout());
        ChildJvm.Result v = fetch("--version");
        assertTrue(v.stdout().startsWith("threading4j "), v.stdout());
        ChildJvm.Result top = ChildJvm.run(Main.class, "--help");
        assertTrue(top.stdout().contains("fetch") && top.stdout().contains("bench"), top.stdout());
    }

    /** On a terminal (as the launcher reports it): a table on stdout and a progress bar on stderr; piped: neither. */
    @Test
    void terminalGetsTableAndProgressBarPipeGetsNeither() {
        String[] urls = urls(6, 0).toArray(String[]::new);
        String[] args = new String[urls.length + 1];
        args[0] = "fetch";
        System.arraycopy(urls, 0, args, 1, urls.length);
        ChildJvm.Result tty = ChildJvm.run(List.of("-Dthreading4j.stdout.tty=1", "-Dthreading4j.stderr.tty=1"),
                Main.class, args);
        assertEquals(0, tty.exitCode(), tty.toString());
        assertTrue(tty.stdout().startsWith("STATUS"), tty.stdout());
        assertTrue(tty.stderr().matches("(?s).*fetch.*6/6.*URLs.*"), "progress bar: " + tty.stderr());
        ChildJvm.Result piped = ChildJvm.run(Main.class, args);
        assertTrue(piped.stdout().startsWith("{"), piped.stdout());
        assertFalse(piped.stderr().contains("6/6"), "no progress bar when piped: " + piped.stderr());
    }

    /** -i FILE with a long list streams through a small --max-in-flight and loses nothing. */
    @Test
    void inputFileStreams() throws IOException {
        List<String> all = urls(400, 0);
        Path list = file("list.txt", all.toArray(String[]::new));
        ChildJvm.Result r = fetch("--input", list.toString(), "-m", "8");
        assertEquals(0, r.exitCode(), r.toString());
        List<Map<String, Object>> lines = jsonLines(r.stdout());
        assertEquals(new TreeSet<>(all), lines.stream().map(l -> (String) l.get("url")).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(400, server.requests());
        assertTrue(server.peakInFlight() <= 8);
    }

    // ---

    static List<String> urls(int n, int latencyMs) {
        return IntStream.range(0, n).mapToObj(i -> base + "/delay/" + latencyMs + "/u" + i + "?size=64").toList();
    }

    static ChildJvm.Result fetch(String[] urls, String... options) {
        String[] all = new String[urls.length + options.length];
        System.arraycopy(options, 0, all, 0, options.length);
        System.arraycopy(urls, 0, all, options.length, urls.length);
        return fetch(all);
    }

    ChildJvm.Result runWithStdin(String stdin, String... args) throws Exception {
        // A process started in the background by a non-interactive shell inherits SIGINT ignored, and a JVM
        // then keeps ignoring it (as a background job should): reset it so the test does not depend on how
        // the build itself was started.
        List<String> cmd = new ArrayList<>(List.of("env", "--default-signal=INT",
                ChildJvm.javaBinary(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        Path in = dir.resolve("stdin.txt");
        Files.writeString(in, stdin);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).redirectInput(in.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertTrue(p.waitFor(io.github.threading4j.support.Timeouts.LONG.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
        return new ChildJvm.Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}

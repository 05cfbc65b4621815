package io.github.threading4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Checks {@code docs/CONFORMANCE.md} against the test classes: every ported row names a Java test that exists,
 * is a test, is not disabled and runs (an abstract class needs a concrete subclass), and every section's
 * summary line {@code FILE: ported P / applicable A / total T} agrees with its rows. Sections without rows
 * (still pending) are skipped.
 */
class ConformanceDocTest {

    private static final String PACKAGE = "io.github.threading4j.";
    private static final Pattern SECTION = Pattern.compile(
            "<!-- section: (\\S+) -->(.*?)<!-- end: \\1 -->", Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|.*");
    private static final Pattern SUMMARY = Pattern.compile(
            "^(\\S+): ported (\\d+) / applicable (\\d+) / total (\\d+)\\s*$");
    private static final Pattern JAVA_TEST = Pattern.compile("`([\\w.$]+)#(\\w+)`");
    private static final Pattern UNESCAPED_PIPE = Pattern.compile("(?<!\\\\)\\|");
    private static final List<Class<? extends Annotation>> TEST_ANNOTATIONS =
            List.of(Test.class, ParameterizedTest.class, RepeatedTest.class, TestFactory.class);

    /** The real document is consistent with the rows it holds and the test classes that exist. */
    @Test
    void conformanceDocumentMatchesTests() throws IOException {
        Path doc = findDocument();
        List<String> problems = check(Files.readString(doc, StandardCharsets.UTF_8), testClasses(), surefireIncludes());
        assertTrue(problems.isEmpty(), doc + ":\n  " + String.join("\n  ", problems));
    }

    /** A wrong document is reported: a test that does not exist, and a summary line that does not add up. */
    @Test
    void brokenDocumentIsReported() {
        String doc = """
                <!-- section: demo.py -->
                ## Lib/test/demo.py
                ### `DemoTests`
                | Test | Applies | Java test | Note |
                |---|---|---|---|
                | `test_real` | yes | `ConformanceDocTest#brokenDocumentIsReported` |  |
                | `test_missing` | adapted | `ConformanceDocTest#noSuchMethod` | note with `a \\| b` |
                | `test_not_a_test` | yes | `ConformanceDocTest#check` |  |
                | `test_disabled` | yes | `ConformanceDocTest.DisabledFixture#disabled` |  |
                | `test_abstract` | yes | `ConformanceDocTest.AbstractFixture#inherited` |  |
                | `test_not_run` | yes | `support.Bunch#close` |  |
                | `test_pending` | yes | — | not ported yet |
                | `test_fork` | no | — | fork |

                demo.py: ported 6 / applicable 7 / total 9
                <!-- end: demo.py -->
                <!-- section: pending.py -->
                (pending)
                <!-- end: pending.py -->
                """;
        List<String> problems = check(doc, testClasses(), DEFAULT_INCLUDES);
        String all = String.join("\n", problems);
        assertTrue(all.contains("ConformanceDocTest#noSuchMethod: no such method"), all);
        assertTrue(all.contains("demo.py: summary says total 9 but there are 8 rows"), all);
        assertTrue(all.contains("ConformanceDocTest#check: not annotated"), all);
        assertTrue(all.contains("ConformanceDocTest.DisabledFixture#disabled: disabled"), all);
        assertTrue(all.contains("ConformanceDocTest.AbstractFixture#inherited: abstract class"), all);
        assertEquals(6, problems.size(), all); // ported 6 and applicable 7 are right: nothing about them

        String good = """
                <!-- section: ok.py -->
                | `test_real` | yes | `ConformanceDocTest#brokenDocumentIsReported` |  |
                | `test_other` | no | — | reason |
                ok.py: ported 1 / applicable 1 / total 2
                <!-- end: ok.py -->
                """;
        assertEquals(List.of(), check(good, testClasses(), DEFAULT_INCLUDES));
        assertEquals(List.of("ok.py: no summary line \"ok.py: ported P / applicable A / total T\""),
                check(good.replace("ok.py: ported 1 / applicable 1 / total 2", ""), testClasses(), DEFAULT_INCLUDES));
        // a class whose name surefire's default includes miss runs only if the module's pom includes it
        String odd = good.replace("`ConformanceDocTest#brokenDocumentIsReported`", "`ThreadJoinOnShutdown#test1JoinOnShutdown`");
        assertEquals(List.of("ok.py: ThreadJoinOnShutdown#test1JoinOnShutdown: class ThreadJoinOnShutdown is not run by"
                + " surefire (add it to the module's <includes>)"), check(odd, testClasses(), DEFAULT_INCLUDES));
        assertEquals(List.of(), check(odd, testClasses(),
                List.of("**/*Tests.java", "**/ThreadJoinOnShutdown.java")));
    }

    /** Fixture: a disabled test (surefire does not run nested classes). */
    static class DisabledFixture {
        @Disabled("fixture")
        @Test
        void disabled() {}
    }

    /** Fixture: an abstract test class that nothing extends. */
    abstract static class AbstractFixture {
        @Test
        void inherited() {}
    }

    // ---- the checker ---------------------------------------------------------------------------------------

    /** Surefire's default {@code <includes>}; nested classes ({@code *$*}) are excluded by default. */
    static final List<String> DEFAULT_INCLUDES =
            List.of("**/Test*.java", "**/*Test.java", "**/*Tests.java", "**/*TestCase.java");

    /**
     * Every problem of {@code doc}, one line each; empty if it is consistent with {@code testClasses}, of which
     * surefire runs those matching {@code includes}.
     */
    static List<String> check(String doc, List<Class<?>> testClasses, List<String> includes) {
        List<String> problems = new ArrayList<>();
        Matcher section = SECTION.matcher(doc);
        while (section.find()) {
            String name = section.group(1);
            int total = 0;
            int applicable = 0;
            int ported = 0;
            List<Matcher> summaries = new ArrayList<>();
            for (String line : section.group(2).split("\n")) {
                line = line.strip();
                Matcher summary = SUMMARY.matcher(line);
                if (summary.matches()) {
                    summaries.add(summary);
                    continue;
                }
                if (!ROW.matcher(line).matches()) {
                    continue;
                }
                String[] cells = UNESCAPED_PIPE.split(line, -1);
                if (cells.length != 6) { // "", test, applies, java test, note, ""
                    problems.add(name + ": malformed row (" + (cells.length - 2) + " cells): " + line);
                    continue;
                }
                String applies = cells[2].strip();
                String javaCell = cells[3].strip();
                total++;
                boolean isApplicable = applies.equals("yes") || applies.equals("adapted");
                if (!isApplicable && !applies.equals("no")) {
                    problems.add(name + ": Applies must be yes, adapted or no: " + line);
                }
                if (isApplicable) {
                    applicable++;
                }
                if (javaCell.equals("—") || javaCell.isEmpty()) {
                    continue;
                }
                Matcher javaTest = JAVA_TEST.matcher(javaCell);
                if (!javaTest.matches()) {
                    problems.add(name + ": Java test must be `Class#method` or —: " + line);
                    continue;
                }
                if (isApplicable) {
                    ported++; // a broken reference is reported below, not also as a count mismatch
                }
                String problem = checkTest(javaTest.group(1), javaTest.group(2), testClasses, includes);
                if (problem != null) {
                    problems.add(name + ": " + javaTest.group(1) + "#" + javaTest.group(2) + ": " + problem);
                }
            }
            if (total == 0) {
                continue; // pending section
            }
            if (summaries.size() != 1) {
                problems.add(summaries.isEmpty()
                        ? name + ": no summary line \"" + name + ": ported P / applicable A / total T\""
                        : name + ": " + summaries.size() + " summary lines");
                continue;
            }
            Matcher s = summaries.get(0);
            if (!s.group(1).equals(name)) {
                problems.add(name + ": summary line names " + s.group(1));
            }
            compare(problems, name, "ported", Integer.parseInt(s.group(2)), ported, "ported rows");
            compare(problems, name, "applicable", Integer.parseInt(s.group(3)), applicable, "yes/adapted rows");
            compare(problems, name, "total", Integer.parseInt(s.group(4)), total, "rows");
        }
        return problems;
    }

    private static void compare(List<String> problems, String name, String what, int said, int counted, String rows) {
        if (said != counted) {
            problems.add(name + ": summary says " + what + " " + said + " but there are " + counted + " " + rows);
        }
    }

    /** Why {@code className#methodName} is not a runnable test, or null if it is. */
    private static String checkTest(String className, String methodName, List<Class<?>> testClasses,
            List<String> includes) {
        Optional<Class<?>> found = load(className);
        if (found.isEmpty()) {
            return "no such class " + PACKAGE + className;
        }
        Class<?> cls = found.get();
        Method method = null;
        for (Class<?> c = cls; c != null && method == null; c = c.getSuperclass()) {
            method = Arrays.stream(c.getDeclaredMethods())
                    .filter(m -> m.getName().equals(methodName)).findFirst().orElse(null);
        }
        if (method == null) {
            return "no such method";
        }
        Method m = method;
        if (TEST_ANNOTATIONS.stream().noneMatch(m::isAnnotationPresent)) {
            return "not annotated @Test, @ParameterizedTest, @RepeatedTest or @TestFactory";
        }
        if (m.isAnnotationPresent(Disabled.class) || cls.isAnnotationPresent(Disabled.class)
                || m.getDeclaringClass().isAnnotationPresent(Disabled.class)) {
            return "disabled";
        }
        if (Modifier.isAbstract(cls.getModifiers())) {
            List<Class<?>> concrete = testClasses.stream()
                    .filter(c -> cls.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())).toList();
            if (concrete.isEmpty()) {
                return "abstract class without a concrete subclass among the test classes";
            }
            if (concrete.stream().noneMatch(c -> runBySurefire(c, includes))) {
                return "no concrete subclass is run by surefire: " + concrete;
            }
        } else if (!runBySurefire(cls, includes)) {
            return "class " + className + " is not run by surefire (add it to the module's <includes>)";
        }
        return null;
    }

    /**
     * Whether surefire runs {@code cls}: a top-level class (surefire excludes {@code **}{@code /*$*}) whose
     * source path matches one of {@code includes} ({@code **}{@code /} = any directories, {@code *} = any
     * characters of a name).
     */
    static boolean runBySurefire(Class<?> cls, List<String> includes) {
        if (cls.getName().contains("$")) {
            return false;
        }
        String path = cls.getName().replace('.', '/') + ".java";
        for (String include : includes) {
            String rest = include;
            StringBuilder regex = new StringBuilder();
            if (rest.startsWith("**/")) {
                regex.append("(?:.*/)?");
                rest = rest.substring(3);
            }
            String[] parts = rest.split("\\*", -1);
            for (int i = 0; i < parts.length; i++) {
                regex.append(i > 0 ? "[^/]*" : "").append(Pattern.quote(parts[i]));
            }
            if (path.matches(regex.toString())) {
                return true;
            }
        }
        return false;
    }

    /** The module pom's surefire {@code <include>}s, or surefire's defaults where it has none. */
    private static List<String> surefireIncludes() throws IOException {
        Path pom = Path.of("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return DEFAULT_INCLUDES;
        }
        List<String> includes = new ArrayList<>();
        Matcher m = Pattern.compile("<include>([^<]+)</include>").matcher(Files.readString(pom, StandardCharsets.UTF_8));
        while (m.find()) {
            includes.add(m.group(1).strip());
        }
        return includes.isEmpty() ? DEFAULT_INCLUDES : includes;
    }

    /** {@code queue.QueueTests} or a nested {@code Outer.Inner}, relative to the package. */
    private static Optional<Class<?>> load(String relativeName) {
        String name = PACKAGE + relativeName;
        while (true) {
            try {
                return Optional.of(Class.forName(name, false, ConformanceDocTest.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                int dot = name.lastIndexOf('.');
                if (dot < PACKAGE.length()) {
                    return Optional.empty();
                }
                name = name.substring(0, dot) + "$" + name.substring(dot + 1); // try a nested class
            }
        }
    }

    /** Every class compiled into this test-classes directory. */
    private static List<Class<?>> testClasses() {
        try {
            Path root = Path.of(ConformanceDocTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<Class<?>> classes = new ArrayList<>();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    String rel = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
                    if (!rel.endsWith(".class") || rel.endsWith("module-info.class") || rel.endsWith("package-info.class")) {
                        continue;
                    }
                    try {
                        classes.add(Class.forName(rel.substring(0, rel.length() - ".class".length()), false,
                                ConformanceDocTest.class.getClassLoader()));
                    } catch (ClassNotFoundException | LinkageError e) {
                        // not loadable here: cannot be a test class that runs
                    }
                }
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code docs/CONFORMANCE.md}, found by walking up from the working directory (the module's). */
    private static Path findDocument() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path doc = dir.resolve("docs").resolve("CONFORMANCE.md");
            if (Files.isRegularFile(doc)) {
                return doc;
            }
        }
        throw new AssertionError("docs/CONFORMANCE.md not found above " + Path.of("").toAbsolutePath());
    }
}

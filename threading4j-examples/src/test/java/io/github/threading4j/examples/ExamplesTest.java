package io.github.threading4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The registry {@code threading4j demo} lists, and docs/EXAMPLES.md, agree with each other. */
class ExamplesTest {

    /** Names are unique, lower-case words joined by dashes, and each has a one-line description. */
    @Test
    void namesAreUniqueAndDescribed() {
        Set<String> names = new HashSet<>();
        for (Example e : Examples.ALL) {
            assertTrue(names.add(e.name()), "duplicate " + e.name());
            assertTrue(e.name().matches("[a-z0-9]+(-[a-z0-9]+)*"), e.name());
            assertTrue(!e.description().isBlank() && !e.description().contains("\n"), e.name());
        }
        assertEquals(Examples.ALL.get(0), Examples.named("threads-basic").orElseThrow());
        assertTrue(Examples.named("no-such-example").isEmpty());
    }

    /** Every demo name in EXAMPLES.md's table exists, and every example appears in the table. */
    @Test
    void examplesMdNamesExistingExamples() throws IOException {
        Path doc = Path.of("..", "docs", "EXAMPLES.md");
        String text = Files.readString(doc);
        Set<String> inDoc = new HashSet<>();
        Matcher m = Pattern.compile("\\| `([a-z0-9-]+)` \\| `([A-Za-z0-9]+)` \\|").matcher(text);
        while (m.find()) {
            inDoc.add(m.group(1));
        }
        Set<String> registered = new HashSet<>(Examples.ALL.stream().map(Example::name).toList());
        assertEquals(registered, inDoc);
    }

    /** A pace scales seconds (and, faster than the tutorial, CPU work); a non-positive factor is refused. */
    @Test
    void paceScales() {
        assertEquals(java.time.Duration.ofMillis(20), Pace.of(0.01).seconds(2));
        assertEquals(java.time.Duration.ofMillis(1500), Pace.TUTORIAL.seconds(1.5));
        assertEquals(1_000, Pace.TUTORIAL.work(1_000));
        assertEquals(100, Pace.of(0.5).work(1_000));
        for (double bad : List.of(0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY)) {
            try {
                Pace.of(bad);
                throw new AssertionError("accepted " + bad);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().startsWith("factor"));
            }
        }
    }
}

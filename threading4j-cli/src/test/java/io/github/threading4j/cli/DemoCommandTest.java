package io.github.threading4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.threading4j.examples.Example;
import io.github.threading4j.examples.Examples;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code threading4j demo}: the list, one example, every example, and bad usage. */
class DemoCommandTest {

    record Run(int exit, String out, String err) {}

    static Run demo(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "demo";
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = cl.execute(all);
        return new Run(exit, out.toString(), err.toString());
    }

    /** With no argument, one line per example: its name, then its description. */
    @Test
    void listsEveryExampleOnOneLine() {
        Run r = demo();
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(Examples.ALL.size(), lines.size(), r.out());
        for (int i = 0; i < lines.size(); i++) {
            Example e = Examples.ALL.get(i);
            assertTrue(lines.get(i).startsWith(e.name() + " "), lines.get(i));
            assertTrue(lines.get(i).endsWith(e.description()), lines.get(i));
        }
    }

    /** demo NAME runs that example and only that one. */
    @Test
    void runsOneByName() {
        Run r = demo("lifo-queue");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("LIFO Queue (Last In, First Out):\n4\n3\n2\n1\n0\n"), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("=== ")).count(), r.out());
    }

    /** An unknown name or a bad pace is a usage error (exit 2), and says why. */
    @Test
    void badUsageExitsTwo() {
        Run unknown = demo("no-such-example");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no example named 'no-such-example'"), unknown.err());
        Run pace = demo("--pace", "0", "lifo-queue");
        assertEquals(2, pace.exit());
        assertTrue(pace.err().contains("--pace"), pace.err());
        assertEquals(2, demo("--all", "lifo-queue").exit());
    }

    /** demo --all runs every example (at a hundredth of the tutorials' pace) and exits 0. */
    @Test
    void allExamplesRunAndExitZero() {
        Run r = demo("--all", "--pace", "0.01");
        assertEquals(0, r.exit(), r.out() + r.err());
        for (Example e : Examples.ALL) {
            assertTrue(r.out().contains("--- " + e.name() + " done in "), e.name() + " did not finish\n" + r.err());
        }
        assertTrue(r.out().contains(Examples.ALL.size() + " examples, 0 failed, in "), r.out());
    }
}

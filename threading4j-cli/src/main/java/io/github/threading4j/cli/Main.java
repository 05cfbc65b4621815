package io.github.threading4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code threading4j} command: its subcommands and the exit codes they share. */
@Command(name = "threading4j",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = {
            "Python's threading, queue and concurrent.futures for the JVM, and the jobs",
            "they are for.",
            ""
        },
        subcommands = {
            FetchCommand.class,
            DemoCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  threading4j fetch                        100 slow URLs on a local server, one",
            "                                           at a time, then all at once",
            "  threading4j fetch -i urls.txt --rate 20  a list, at most 20 requests a second",
            "  threading4j demo                         list the tutorials' examples to run",
            "  threading4j help fetch                   every option of fetch",
            "",
            "Run 'threading4j COMMAND --help' for more on a command."
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (fetch, demo, bench)");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for main and for tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setUsageHelpAutoWidth(true);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"threading4j " + (v == null ? "0.1.0-SNAPSHOT" : v),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}

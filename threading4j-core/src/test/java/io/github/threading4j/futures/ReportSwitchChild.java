package io.github.threading4j.futures;

/** Prints whether unretrieved failures are reported, as the system property set it (E2). */
public final class ReportSwitchChild {
    private ReportSwitchChild() {}

    public static void main(String[] args) {
        System.out.println("reportUnretrieved=" + Futures.isReportUnretrieved());
    }
}

package io.github.threading4j.bench.runner;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The chart of one run (XChart, PNG), four panels: the I/O fan-out's wall time and its memory growth
 * for 1,000 to 100,000 tasks each waiting 100 ms, the CPU-bound loop on 1 and 2 threads, and
 * threading4j's speed next to the JDK's on every workload. Panels with no data say so in their title.
 */
final class Charts {
    /** Fan-out sizes plotted: N tasks on N workers (or N virtual threads). */
    static final int[] FANOUT = {1_000, 10_000, 100_000};

    /** impl -> legend label, colour, for the fan-out panels. */
    private record Impl(String impl, String label, Color color) {}

    private static final List<Impl> FANOUT_IMPLS = List.of(
            new Impl(Report.CPYTHON, "CPython threads (ThreadPoolExecutor, max_workers=N)", new Color(0x30, 0x69, 0x98)),
            new Impl(Report.JDK, "JDK platform threads (fixed pool of N)", new Color(0xE7, 0x6F, 0x00)),
            new Impl(Report.JDK_VIRTUAL, "JDK virtual threads (a thread per task)", new Color(0x99, 0x99, 0x99)),
            new Impl(Report.OURS, "threading4j platform threads (ThreadPoolExecutor, maxWorkers=N)", new Color(0x8E, 0x44, 0xAD)),
            new Impl(Report.OURS_VIRTUAL, "threading4j virtual threads (VirtualThreadExecutor)", new Color(0x2E, 0x9D, 0x3E)));

    /** The "vs the JDK" bars stop here so that the ones near 1 stay readable. */
    static final double CAP = 3.0;

    private Charts() {}

    static void write(Report report, Path png, String subtitle) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Chart<?, ?>> charts = new ArrayList<>();
        charts.add(fanout(report, "", "wall time (s, log)", "I/O fan-out: N tasks each waiting 100 ms"));
        charts.add(fanout(report, "_rss_growth", "peak RSS growth (MiB, log)", "I/O fan-out: memory it took"));
        charts.add(cpu(report));
        charts.add(versusJdk(report));
        for (Chart<?, ?> c : charts) {
            style(c.getStyler());
        }
        charts.get(0).setTitle(charts.get(0).getTitle() + (subtitle.isEmpty() ? "" : "  [" + subtitle + "]"));
        BitmapEncoder.saveBitmap(charts, 2, 2, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendBorderColor(new Color(0xDD, 0xDD, 0xDD));
    }

    private static XYChart fanout(Report report, String suffix, String yTitle, String title) {
        XYChart chart = new XYChartBuilder().width(820).height(560).title(title)
                .xAxisTitle("tasks N (log)").yAxisTitle(yTitle).build();
        XYStyler st = chart.getStyler();
        st.setXAxisLogarithmic(true);
        st.setYAxisLogarithmic(true);
        st.setXAxisDecimalPattern("#,###");
        st.setYAxisDecimalPattern("0.###");
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setPlotGridLinesColor(new Color(0xEE, 0xEE, 0xEE));
        boolean any = false;
        double lo = suffix.isEmpty() ? 0.1 : Double.MAX_VALUE;
        double hi = suffix.isEmpty() ? 0.1 : 0;
        for (Impl impl : FANOUT_IMPLS) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int n : FANOUT) {
                Report.Figures f = report.get("io_fanout_" + n + "x" + n + suffix, impl.impl());
                if (f != null && f.median() > 0) {
                    xs.add((double) n);
                    ys.add(f.median());
                    lo = Math.min(lo, f.median());
                    hi = Math.max(hi, f.median());
                }
            }
            if (!xs.isEmpty()) {
                XYSeries s = chart.addSeries(impl.label(), xs, ys);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(impl.color());
                s.setLineColor(impl.color());
                s.setLineWidth(2.5f);
                any = true;
            }
        }
        if (suffix.isEmpty() && any) {
            XYSeries ideal = chart.addSeries("the wait itself: 0.1 s", List.of(1_000.0, 100_000.0), List.of(0.1, 0.1));
            ideal.setMarker(SeriesMarkers.NONE);
            ideal.setLineColor(Color.BLACK);
            ideal.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                            new float[] {6f, 5f}, 0f));
        }
        if (any) { // XChart's own log range can cut the highest point off
            st.setYAxisMin(lo / 1.5);
            st.setYAxisMax(hi * 1.5);
        } else {
            chart.setTitle(title + " (no data)");
        }
        return chart;
    }

    private static XYChart cpu(Report report) {
        XYChart chart = new XYChartBuilder().width(820).height(560)
                .title("CPU-bound sum of i*i on 2 cores: halving = perfect scaling")
                .xAxisTitle("threads").yAxisTitle("wall time (s, log)").build();
        XYStyler st = chart.getStyler();
        st.setYAxisLogarithmic(true);
        st.setYAxisDecimalPattern("0.###");
        st.setXAxisMin(1.0); // with a custom formatter XChart puts its ticks at the axis ends
        st.setXAxisMax(2.0);
        st.setPlotContentSize(0.85);
        chart.setCustomXAxisTickLabelsFormatter(x -> Math.abs(x - 1) < 1e-9 ? "1 thread"
                : Math.abs(x - 2) < 1e-9 ? "2 threads" : "");
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setPlotGridLinesColor(new Color(0xEE, 0xEE, 0xEE));
        boolean any = false;
        String[][] small = {{Report.CPYTHON, "CPython, 10^7 terms"}, {Report.JDK, "JDK, 10^7"}, {Report.OURS, "threading4j, 10^7"}};
        for (String[] impl : small) {
            Report.Figures t1 = report.get("cpu_1thread", impl[0]);
            Report.Figures t2 = report.get("cpu_2threads", impl[0]);
            Report.Figures speedup = report.get("cpu_speedup", impl[0]);
            if (t1 != null && t2 != null) {
                any |= line(chart, impl[1], t1.median(), t2.median(),
                        speedup == null ? t1.median() / t2.median() : speedup.median(), colorOf(impl[0]), false);
            }
        }
        for (String[] impl : new String[][] {{Report.JDK, "JDK, 10^9"}, {Report.OURS, "threading4j, 10^9"}}) {
            Report.Figures f = report.get("cpu_speedup_1e9", impl[0]);
            if (f != null && f.field("t1_s") != null && f.field("t2_s") != null) {
                any |= line(chart, impl[1], Double.parseDouble(f.field("t1_s")), Double.parseDouble(f.field("t2_s")),
                        f.median(), colorOf(impl[0]), true);
            }
        }
        if (!any) {
            chart.setTitle(chart.getTitle() + " (no data)");
            st.setYAxisLogarithmic(false);
            chart.addSeries("none", new double[] {1, 2}, new double[] {0, 0});
        }
        return chart;
    }

    /** One implementation's times on 1 and 2 threads; the label gives the median speed-up of its runs. */
    private static boolean line(XYChart chart, String name, double t1, double t2, double speedup, Color color,
                                boolean dashed) {
        if (t1 <= 0 || t2 <= 0) {
            return false;
        }
        XYSeries s = chart.addSeries(String.format(java.util.Locale.ROOT, "%s: %.3g s -> %.3g s (%.2fx)", name, t1, t2, speedup),
                new double[] {1, 2}, new double[] {t1, t2});
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
        s.setLineColor(color);
        s.setLineWidth(2.5f);
        if (dashed) {
            s.setLineStyle(new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f));
        }
        return true;
    }

    private static Color colorOf(String impl) {
        for (Impl i : FANOUT_IMPLS) {
            if (i.impl().equals(impl)) {
                return i.color();
            }
        }
        return Color.DARK_GRAY;
    }

    private static CategoryChart versusJdk(Report report) {
        CategoryChart chart = new CategoryChartBuilder().width(820).height(560)
                .title("threading4j vs the JDK: same job, same kind of thread (dashed: as fast; bars cut at 3x)")
                .xAxisTitle("").yAxisTitle("times as fast as the JDK").build();
        CategoryStyler st = chart.getStyler();
        st.setXAxisLabelRotation(60);
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        st.setYAxisDecimalPattern("0.##");
        st.setLegendPosition(Styler.LegendPosition.InsideNE);
        st.setSeriesColors(new Color[] {colorOf(Report.OURS), colorOf(Report.OURS_VIRTUAL)});
        List<String> labels = new ArrayList<>();
        List<Double> platform = new ArrayList<>();
        List<Double> virtual = new ArrayList<>();
        for (String w : report.workloads()) {
            if (w.endsWith("_rss")) {
                continue; // the growth says it better than the whole process's peak
            }
            double p = report.asFast(w, Report.OURS, Report.JDK);
            double v = report.asFast(w, Report.OURS_VIRTUAL, Report.JDK_VIRTUAL);
            if (Double.isNaN(p) && Double.isNaN(v)) {
                continue;
            }
            String label = w;
            if (p > CAP || v > CAP) { // a bar past the cap is cut there; its figure goes into the label
                label += String.format(java.util.Locale.ROOT, " (%.0fx)", Math.max(Double.isNaN(p) ? 0 : p, Double.isNaN(v) ? 0 : v));
            }
            labels.add(label);
            platform.add(Double.isNaN(p) ? null : Math.min(p, CAP)); // no bar where there is no figure
            virtual.add(Double.isNaN(v) ? null : Math.min(v, CAP));
        }
        if (labels.isEmpty()) {
            chart.setTitle(chart.getTitle() + " (no data)");
            chart.addSeries("none", List.of("-"), List.of(0.0));
            return chart;
        }
        chart.addSeries("platform threads", labels, platform);
        chart.addSeries("virtual threads", labels, virtual);
        AnnotationLine parity = new AnnotationLine(1.0, false, false);
        chart.addAnnotation(parity);
        st.setAnnotationLineColor(Color.BLACK);
        st.setAnnotationLineStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 5f}, 0f));
        st.setYAxisMin(0.0);
        st.setYAxisMax(CAP);
        return chart;
    }
}

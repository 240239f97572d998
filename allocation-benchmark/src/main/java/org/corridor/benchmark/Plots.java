package org.corridor.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's PNG plots. */
final class Plots {

    private Plots() {
    }

    /** Size {@code s}: each planner's weighted objective over time (OptaPlanner's best so far as steps). */
    static void objective(Report.SizeResult s, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(520)
                .title("Size " + s.size.name() + ": weighted objective (|medium| + |soft|) over time")
                .xAxisTitle("seconds").yAxisTitle("weighted objective (lower is better)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisLogarithmic(true);
        double end = 1;
        for (RunResult r : s.runs) {
            end = Math.max(end, r.millis / 1000.0);
        }
        for (RunResult r : s.runs) {
            if (r.score == null) {
                continue;
            }
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            if (r.planner.equals("OptaPlanner")) {
                for (RunResult.Point p : r.curve) {
                    if (p.hard() == 0) {
                        xs.add(Math.max(0.01, p.millis() / 1000.0));
                        ys.add((double) (-p.medium() - p.soft()));
                    }
                }
                if (xs.isEmpty()) {
                    continue;
                }
                xs.add(Math.max(xs.get(xs.size() - 1), r.millis / 1000.0));
                ys.add(ys.get(ys.size() - 1));
                XYSeries ser = chart.addSeries("OptaPlanner (best so far, feasible)", xs, ys);
                ser.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
                ser.setMarker(SeriesMarkers.NONE);
            } else {
                double y = r.score.weightedObjective();
                double x = Math.max(0.01, r.millis / 1000.0);
                XYSeries ser = chart.addSeries(
                        r.planner + " (result at " + String.format(Locale.ROOT, "%.1f", x) + " s)",
                        List.of(x, end), List.of(y, y));
                ser.setMarker(SeriesMarkers.CIRCLE);
                if (r.mediumBound != null && r.softBound != null) {
                    double bound = r.mediumBound + r.softBound;
                    XYSeries bs = chart.addSeries(r.planner + " bound", List.of(x, end), List.of(bound, bound));
                    bs.setMarker(SeriesMarkers.NONE);
                }
            }
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** Solve time (and OptaPlanner's first feasible) against the number of lots, per planner. */
    static void times(List<Report.SizeResult> sizes, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(520).title("Solve time vs instance size")
                .xAxisTitle("lots in the instance (S, M, L, XL)").yAxisTitle("seconds").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        for (String planner : List.of("Greedy", "OptaPlanner", "OptaPlanner first feasible", "MIP")) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (Report.SizeResult s : sizes) {
                RunResult r = s.run(planner.startsWith("OptaPlanner") ? "OptaPlanner" : planner);
                if (r == null || r.score == null) {
                    continue;
                }
                double secs = planner.endsWith("first feasible")
                        ? (r.firstFeasibleMillis == null ? -1 : r.firstFeasibleMillis / 1000.0)
                        : r.millis / 1000.0;
                if (secs < 0) {
                    continue;
                }
                xs.add((double) s.input.lots().size());
                ys.add(Math.max(0.001, secs));
            }
            if (!xs.isEmpty()) {
                chart.addSeries(planner + (planner.equals("OptaPlanner") ? " (fixed budget)" : ""), xs, ys);
            }
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}

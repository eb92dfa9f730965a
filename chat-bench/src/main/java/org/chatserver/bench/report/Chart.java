package org.chatserver.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart of one run, saved as PNG with XChart. Built on one thread, then written; not thread-safe.
 */
public final class Chart {

    private final String title;
    private final String xAxis;
    private final String yAxis;
    private final List<Series> series = new ArrayList<>();
    private boolean logX;

    /** One line. */
    private record Series(String name, double[] x, double[] y) {
    }

    public Chart(String title, String xAxis, String yAxis) {
        this.title = title;
        this.xAxis = xAxis;
        this.yAxis = yAxis;
    }

    /** Adds a line; empty lines are skipped. */
    public Chart line(String name, double[] x, double[] y) {
        if (x.length > 0) {
            series.add(new Series(name, x, y));
        }
        return this;
    }

    /** Uses a logarithmic x axis (for percentile distributions). */
    public Chart logX() {
        logX = true;
        return this;
    }

    /** Writes the chart to {@code file} (a .png name). */
    public void writePng(Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(520).title(title).xAxisTitle(xAxis)
                .yAxisTitle(yAxis).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setXAxisLogarithmic(logX);
        for (Series s : series) {
            chart.addSeries(s.name(), s.x(), s.y()).setMarker(SeriesMarkers.NONE);
        }
        String name = file.toString();
        BitmapEncoder.saveBitmap(chart, name.endsWith(".png") ? name.substring(0, name.length() - 4) : name,
                BitmapEncoder.BitmapFormat.PNG);
    }
}

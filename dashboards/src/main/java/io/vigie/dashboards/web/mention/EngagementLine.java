package io.vigie.dashboards.web.mention;

import io.vigie.dashboards.index.EngagementIndexer;
import java.util.List;
import java.util.Locale;

/**
 * The mention page's engagement growth as an SVG polyline, drawn on the server: no script, nothing inline for the
 * Content-Security-Policy to allow. Reach (views when the source gives them) against time, scaled into a
 * {@link #WIDTH} × {@link #HEIGHT} box.
 *
 * @param points the polyline's {@code points} attribute; empty with fewer than two versions
 * @param first reach of the first version kept
 * @param last reach of the latest version
 */
public record EngagementLine(String points, long first, long last) {
    public static final int WIDTH = 300;
    public static final int HEIGHT = 60;

    public static EngagementLine of(List<EngagementIndexer.Point> history) {
        if (history.size() < 2) {
            return new EngagementLine("", history.isEmpty() ? 0 : history.get(0).reach(),
                    history.isEmpty() ? 0 : history.get(history.size() - 1).reach());
        }
        long t0 = history.get(0).at().toEpochMilli();
        long span = Math.max(1, history.get(history.size() - 1).at().toEpochMilli() - t0);
        long max = Math.max(1, history.stream().mapToLong(EngagementIndexer.Point::reach).max().orElse(1));
        StringBuilder sb = new StringBuilder();
        for (EngagementIndexer.Point p : history) {
            double x = WIDTH * (double) (p.at().toEpochMilli() - t0) / span;
            double y = HEIGHT - HEIGHT * (double) p.reach() / max;
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        return new EngagementLine(sb.toString(), history.get(0).reach(), history.get(history.size() - 1).reach());
    }
}

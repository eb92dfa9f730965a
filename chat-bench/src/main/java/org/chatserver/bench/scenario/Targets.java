package org.chatserver.bench.scenario;

import java.util.Locale;
import org.chatserver.bench.report.Target;

/** Builds {@link Target} checks with the "missed by" wording of the reports. Stateless. */
final class Targets {

    private Targets() {
    }

    /** A figure that must stay below a limit. */
    static Target below(String name, double measured, double limit, String unit) {
        boolean met = measured < limit;
        return new Target(name, "< " + fmt(limit) + " " + unit, fmt(measured) + " " + unit, met,
                met ? "" : "missed by " + fmt(measured - limit) + " " + unit + " (" + fmt(measured / limit) + "x)");
    }

    /** A figure that must reach at least a goal. */
    static Target atLeast(String name, double measured, double goal, String unit) {
        boolean met = measured >= goal;
        return new Target(name, ">= " + fmt(goal) + " " + unit, fmt(measured) + " " + unit, met,
                met ? "" : "missed by " + fmt(goal - measured) + " " + unit + " (" + fmt(100.0 * measured / goal)
                        + " % of the goal)");
    }

    /** A count that must be zero. */
    static Target zero(String name, long measured) {
        return new Target(name, "0", Long.toString(measured), measured == 0, measured == 0 ? "" : measured + " too many");
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}

package org.chatserver.bench.report;

/**
 * One of issue 5's targets checked against a run. Immutable.
 *
 * @param name     what is measured, e.g. "fanout N=5000: time to last member p99"
 * @param goal     the target, e.g. "< 200 ms"
 * @param measured the measured figure, with its unit
 * @param met      whether the target was met
 * @param gap      by how much it was missed (empty when met)
 */
public record Target(String name, String goal, String measured, boolean met, String gap) {
}

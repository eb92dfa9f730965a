package org.chatserver.bench.server;

import java.util.List;
import java.util.Map;

/**
 * A JFR recording of the server summarised. Immutable.
 *
 * @param recording         the .jfr file
 * @param cpuSamples        jdk.ExecutionSample events (threads running Java code)
 * @param byLayer           CPU samples per layer: the library of the topmost non-JDK frame
 * @param selfTop           methods most often at the top of a CPU sample (self time)
 * @param chatInclusive     the project's own methods most often anywhere in a CPU sample's stack (inclusive)
 * @param waitingSamples    jdk.NativeMethodSample events (threads in native code: sockets, waits)
 * @param chatWaiting       the project's own methods most often in the stack of a thread in native code
 */
public record Hotspots(String recording, long cpuSamples, Map<String, Long> byLayer, List<Frame> selfTop,
        List<Frame> chatInclusive, long waitingSamples, List<Frame> chatWaiting) {

    /**
     * One method and its share.
     *
     * @param method  class and method name
     * @param samples samples that contain it
     * @param percent share of all samples of its kind
     */
    public record Frame(String method, long samples, double percent) {
    }
}

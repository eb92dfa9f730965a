package org.chatserver.bench.server;

/**
 * The server's memory at one moment. Immutable.
 *
 * @param connections  load-generator connections open at the time
 * @param heapUsedBytes heap in use after a full GC
 * @param rssBytes     resident set size (VmRSS)
 * @param openFiles    file descriptors the server process holds
 */
public record MemorySample(int connections, long heapUsedBytes, long rssBytes, int openFiles) {
}

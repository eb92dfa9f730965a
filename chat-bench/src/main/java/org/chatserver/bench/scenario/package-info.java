/**
 * The benchmark scenarios of issue 5 (fanout, throughput, connections, reconnect) and catchup (many members syncing
 * many channels at once) as picocli subcommands, the options they share, the set-up they share (users, tokens,
 * channels and connections, created through the public protocol only, on one node or spread over several), and the
 * bookkeeping of their measurements (throughput steps, targets, the members dropped and resynced after a node kill).
 * Every loop is bounded in count and in time.
 */
package org.chatserver.bench.scenario;

/**
 * The benchmark scenarios of issue 5 (fanout, throughput, connections, reconnect) as picocli subcommands, the
 * options they share, and the set-up they share: users, tokens, channels and connections created through the public
 * protocol only. Every loop is bounded in count and in time.
 */
package org.chatserver.bench.scenario;

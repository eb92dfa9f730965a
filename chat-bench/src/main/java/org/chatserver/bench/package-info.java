/**
 * chat-bench, the load generator of the chat server: the command line ({@link org.chatserver.bench.ChatBench}) with
 * one subcommand per scenario, the standard suite, and the rendering of docs/performance.md.
 */
package org.chatserver.bench;

/**
 * Delivery bookkeeping: which message was sent when (keyed by client_msg_id, timed with {@link System#nanoTime()} in
 * the one load-generator process), to how many connections it must arrive, and the latency histograms (HdrHistogram)
 * of acks, deliveries and "time until the last member had it", per measurement window.
 */
package org.chatserver.bench.delivery;

/**
 * Ordered execution off the caller's thread: work that must keep its order per key (a channel's deliveries, a user's
 * presence transitions, the outbox's publications) runs on single-thread lanes chosen by that key.
 *
 * <p><b>Why by hand.</b> Jakarta Concurrency's managed executors capture the caller's context for every task, which
 * profiling showed as a large part of a message's cost, and they keep no order. A few plain single-thread executors
 * on the container's managed thread factory give both: no per-task context, and one lane per key.
 */
package org.chatserver.ejb.ordering;

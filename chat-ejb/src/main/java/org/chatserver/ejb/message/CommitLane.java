package org.chatserver.ejb.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Group commit: callers that arrive while a batch is being committed wait, and the next batch commits all of them at
 * once, so the cost of a transaction (its round trips, its commit) is shared by every send that arrived meanwhile.
 *
 * <p>There is no thread of its own. A caller queues its request and tries the lane's lock; holding it, a caller whose
 * request is still unanswered commits one batch: up to {@code maxBatch} waiting requests in arrival order, its own
 * among them or ahead of it. It then releases the lock and wakes the others. A caller that finds the lock held waits
 * for the end of that batch, then returns if it was answered, or tries the lock again. So batches grow with the load by
 * themselves: one request alone commits at once, as without the lane, and under load a batch holds what arrived
 * during the previous commit. At most one batch of a lane commits at a time; requests keep their arrival order.
 *
 * <p>Why a lock and not a hand-over of the lead from caller to caller: the earlier lock-free hand-over lost the lead
 * now and then under contention (all callers waiting, none leading: a unit test hung about once in six runs), and a
 * lock cannot lose a waiter. Written by hand: the JDK and the container offer executors, which would move the commit to
 * another thread and add a hand-off to every send.
 *
 * <p>The committer must answer every request of the batch it is given ({@link Request#answer} or {@link Request#fail});
 * one it leaves unanswered, or a committer that throws, fails the rest of the batch with that error, so no caller
 * waits for ever.
 *
 * <p>Thread-safe.
 *
 * @param <C> a request
 * @param <R> its answer
 */
final class CommitLane<C, R> {

    private final int maxBatch;
    private final Queue<Request<C, R>> waiting = new ConcurrentLinkedQueue<>();

    /** Held by the caller committing a batch; only its holder takes requests from {@link #waiting}. */
    private final ReentrantLock committing = new ReentrantLock();

    /** Notified, under its monitor, each time a batch is done. */
    private final Object batchDone = new Object();

    CommitLane(int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one request: " + maxBatch);
        }
        this.maxBatch = maxBatch;
    }

    /**
     * Commits {@code command} in the next batch and answers it.
     *
     * @param committer commits a batch in arrival order and answers each of its requests
     * @throws RuntimeException what the committer failed the request with
     */
    R submit(C command, Consumer<List<Request<C, R>>> committer) {
        Request<C, R> own = new Request<>(command);
        waiting.add(own);
        while (!own.answer.isDone()) {
            if (committing.tryLock()) {
                try {
                    if (!own.answer.isDone()) {
                        commit(takeBatch(), committer);
                    }
                } finally {
                    committing.unlock();
                    synchronized (batchDone) {
                        batchDone.notifyAll();
                    }
                }
            } else {
                awaitBatch(own);
            }
        }
        return own.join();
    }

    /**
     * Waits until the batch being committed is done, unless {@code own} is answered first. The check and the wait are
     * under {@link #batchDone}'s monitor, and the committer notifies under it after letting go of the lock, so no
     * batch's end is missed.
     */
    private void awaitBatch(Request<C, R> own) {
        boolean interrupted = false;
        synchronized (batchDone) {
            while (!own.answer.isDone() && committing.isLocked()) {
                try {
                    batchDone.wait();
                } catch (InterruptedException e) {
                    // The request is queued and will be committed: stop waiting only when a batch ended.
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many requests wait for a batch now. */
    int waiting() {
        return waiting.size();
    }

    private List<Request<C, R>> takeBatch() {
        List<Request<C, R>> batch = new ArrayList<>(Math.min(maxBatch, waiting.size()));
        Request<C, R> next;
        while (batch.size() < maxBatch && (next = waiting.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    private static <C, R> void commit(List<Request<C, R>> batch, Consumer<List<Request<C, R>>> committer) {
        RuntimeException failure = null;
        try {
            committer.accept(batch);
        } catch (RuntimeException e) {
            // Not rethrown: the failure belongs to the batch's requests, each answered with it below.
            failure = e;
        } finally {
            for (Request<C, R> request : batch) {
                if (!request.answer.isDone()) {
                    request.fail(failure != null ? failure
                            : new IllegalStateException("the batch's commit gave no answer"));
                }
            }
        }
    }

    /** One caller's request, answered once. */
    static final class Request<C, R> {

        private final C command;
        private final CompletableFuture<R> answer = new CompletableFuture<>();

        private Request(C command) {
            this.command = command;
        }

        C command() {
            return command;
        }

        /** Answers the caller; a request answers once, later answers and failures are ignored. */
        void answer(R result) {
            answer.complete(result);
        }

        /** Fails the caller with {@code failure}, thrown by its {@link #submit}; ignored when already answered. */
        void fail(RuntimeException failure) {
            answer.completeExceptionally(failure);
        }

        private R join() {
            try {
                return answer.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure : e;
            }
        }
    }
}

package org.chatserver.ejb.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Group commit: callers that arrive while a batch is being committed wait, and the next batch commits all of them at
 * once, so the cost of a transaction (its round trips, its commit) is shared by every send that arrived meanwhile.
 *
 * <p>There is no thread of its own. The first caller to find the lane idle leads: it takes up to {@code maxBatch}
 * waiting requests (its own among them), commits them, and before it returns hands the lead to the oldest request still
 * waiting, whose thread then does the same. Every other caller sleeps until its request is answered or it is handed
 * the lead. So batches grow with the load by themselves: one request alone commits at once, as without the lane, and
 * under load a batch holds what arrived during the previous commit. At most one batch of a lane commits at a time;
 * requests keep their arrival order.
 *
 * <p>The committer must answer every request of the batch it is given ({@link Request#answer} or {@link Request#fail});
 * one it leaves unanswered, or a committer that throws, fails the rest of the batch with that error, so no caller
 * waits for ever. Written by hand: the JDK and the container offer executors, which would move the commit to another
 * thread and add a hand-off to every send, not the leader-follower hand-over a group commit needs.
 *
 * <p>Thread-safe.
 *
 * @param <C> a request
 * @param <R> its answer
 */
final class CommitLane<C, R> {

    private final int maxBatch;
    private final Queue<Request<C, R>> waiting = new ConcurrentLinkedQueue<>();

    /** Whether some thread leads; only the leader takes requests from {@link #waiting}. */
    private final AtomicBoolean led = new AtomicBoolean();

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
        if (!led.compareAndSet(false, true)) {
            own.awaitAnswerOrLead();
        }
        if (!own.answer.isDone()) {
            lead(own, committer);
        }
        return own.join();
    }

    /** How many requests wait for a batch now. */
    int waiting() {
        return waiting.size();
    }

    /** Commits batches until {@code own} is answered, then hands the lead on. Runs only while {@link #led}. */
    private void lead(Request<C, R> own, Consumer<List<Request<C, R>>> committer) {
        try {
            while (!own.answer.isDone()) {
                commit(takeBatch(), committer);
            }
        } finally {
            handOver();
        }
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
            // Not rethrown: the leader's own request may wait in a later batch, which it must still commit.
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

    /**
     * Passes the lead to the oldest waiting request, or leaves the lane idle. A caller that queued its request after
     * the check below but failed to take the lead before {@link #led} was cleared is found by the second look.
     */
    private void handOver() {
        Request<C, R> next = waiting.peek();
        if (next != null) {
            next.lead();
            return;
        }
        led.set(false);
        if (!waiting.isEmpty() && led.compareAndSet(false, true)) {
            next = waiting.peek();
            if (next != null) {
                next.lead();
            } else {
                led.set(false);
            }
        }
    }

    /** One caller's request: answered once, or handed the lead. */
    static final class Request<C, R> {

        private final C command;
        private final CompletableFuture<R> answer = new CompletableFuture<>();
        private final CountDownLatch wake = new CountDownLatch(1);

        private Request(C command) {
            this.command = command;
        }

        C command() {
            return command;
        }

        /** Answers the caller; a request answers once, later answers and failures are ignored. */
        void answer(R result) {
            answer.complete(result);
            wake.countDown();
        }

        /** Fails the caller with {@code failure}, thrown by its {@link #submit}; ignored when already answered. */
        void fail(RuntimeException failure) {
            answer.completeExceptionally(failure);
            wake.countDown();
        }

        private void lead() {
            wake.countDown();
        }

        private void awaitAnswerOrLead() {
            boolean interrupted = false;
            while (true) {
                try {
                    wake.await();
                    break;
                } catch (InterruptedException e) {
                    // The request is queued and may be handed the lead: stop waiting only when one of those happened.
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
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

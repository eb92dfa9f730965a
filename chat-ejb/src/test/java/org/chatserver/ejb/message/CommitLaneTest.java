package org.chatserver.ejb.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommitLaneTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ExecutorService callers = Executors.newCachedThreadPool();

    /** Lets the held commit of {@link #queueBehindAHeldCommit} finish. */
    private final CountDownLatch releaseFirst = new CountDownLatch(1);

    /** Every batch committed, in commit order. */
    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void aLoneRequestCommitsAtOnceInABatchOfItsOwn() {
        CommitLane<Integer, String> lane = new CommitLane<>(10);

        assertEquals("stored 7", lane.submit(7, answerAll()));
        assertEquals(List.of(List.of(7)), batches);
    }

    @Test
    void requestsArrivingDuringACommitShareTheNextBatchAndEachGetsItsOwnAnswer() throws Exception {
        List<Future<String>> answers = queueBehindAHeldCommit(new CommitLane<>(10), 5);
        releaseFirst.countDown();

        for (int i = 0; i < answers.size(); i++) {
            assertEquals("stored " + i, answers.get(i).get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        assertEquals(2, batches.size(), "one commit for the five that waited: " + batches);
        assertEquals(5, batches.get(1).size());
    }

    @Test
    void aBatchNeverHoldsMoreThanTheMaximum() throws Exception {
        List<Future<String>> answers = queueBehindAHeldCommit(new CommitLane<>(3), 7);
        releaseFirst.countDown();

        for (Future<String> answer : answers) {
            answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        assertEquals(List.of(1, 3, 3, 1), batches.stream().map(List::size).toList(), "batches of at most 3");
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), batches.stream().flatMap(List::stream).toList(),
                "arrival order kept across batches");
    }

    @Test
    void aFailingCommitFailsItsOwnBatchOnlyAndTheLaneGoesOn() {
        CommitLane<Integer, String> lane = new CommitLane<>(10);
        IllegalStateException databaseDown = new IllegalStateException("database down");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> lane.submit(1, batch -> {
            throw databaseDown;
        }));

        assertSame(databaseDown, thrown);
        assertEquals("stored 2", lane.submit(2, answerAll()));
    }

    @Test
    void aRequestTheCommitterLeftUnansweredFailsInsteadOfWaitingForEver() {
        CommitLane<Integer, String> lane = new CommitLane<>(10);

        assertThrows(IllegalStateException.class, () -> lane.submit(1, batch -> {
        }));
        assertEquals("stored 2", lane.submit(2, answerAll()));
    }

    @Test
    void manyConcurrentCallersEachGetTheirOwnAnswerExactlyOnceInTheirOwnOrder() throws Exception {
        int callerCount = 16;
        int perCaller = 200;
        CommitLane<Integer, String> lane = new CommitLane<>(8);
        List<CompletableFuture<List<String>>> answers = new ArrayList<>();
        for (int c = 0; c < callerCount; c++) {
            int caller = c;
            answers.add(CompletableFuture.supplyAsync(() -> {
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < perCaller; i++) {
                    mine.add(lane.submit(caller * perCaller + i, answerAll()));
                }
                return mine;
            }, callers));
        }

        for (int c = 0; c < callerCount; c++) {
            List<String> mine = answers.get(c).get(WAIT.toSeconds() * 3, TimeUnit.SECONDS);
            for (int i = 0; i < perCaller; i++) {
                assertEquals("stored " + (c * perCaller + i), mine.get(i));
            }
        }
        List<Integer> committed = batches.stream().flatMap(List::stream).toList();
        assertEquals(callerCount * perCaller, committed.size(), "each request committed once");
        assertTrue(batches.stream().allMatch(batch -> batch.size() <= 8));
        for (int c = 0; c < callerCount; c++) {
            int caller = c;
            List<Integer> mine = committed.stream().filter(command -> command / perCaller == caller).toList();
            assertEquals(mine.stream().sorted().toList(), mine, "a caller's requests commit in its order");
        }
    }

    /**
     * Submits request 0, whose commit waits for {@link #releaseFirst}, then requests 1 to {@code behind}, each once the
     * one before it is queued. Answers are in request order.
     */
    private List<Future<String>> queueBehindAHeldCommit(CommitLane<Integer, String> lane, int behind)
            throws InterruptedException {
        CountDownLatch firstCommitting = new CountDownLatch(1);
        Consumer<List<CommitLane.Request<Integer, String>>> committer = batch -> {
            if (batch.get(0).command() == 0) {
                firstCommitting.countDown();
                await(releaseFirst);
            }
            answerAll().accept(batch);
        };
        List<Future<String>> answers = new ArrayList<>();
        answers.add(callers.submit(() -> lane.submit(0, committer)));
        await(firstCommitting);
        for (int i = 1; i <= behind; i++) {
            int command = i;
            answers.add(callers.submit(() -> lane.submit(command, committer)));
            awaitQueued(lane, i);
        }
        return answers;
    }

    /** A committer that records the batch and answers each request "stored <command>". */
    private Consumer<List<CommitLane.Request<Integer, String>>> answerAll() {
        return batch -> {
            batches.add(batch.stream().map(CommitLane.Request::command).toList());
            batch.forEach(request -> request.answer("stored " + request.command()));
        };
    }

    private static void awaitQueued(CommitLane<Integer, String> lane, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (lane.waiting() < count) {
            assertTrue(System.nanoTime() < deadline, "callers did not queue");
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

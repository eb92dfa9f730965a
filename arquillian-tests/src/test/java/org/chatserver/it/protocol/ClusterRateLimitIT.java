package org.chatserver.it.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.json.Json;

import org.chatserver.it.support.ChatClient;
import org.chatserver.it.support.ChatSocket;
import org.chatserver.it.support.MicroProcess;
import org.junit.jupiter.api.Test;

/**
 * The send rate limit is one per user for the whole cluster (counted in Redis), not one per node: a user flooding two
 * nodes at once gets the burst and the rate once, where a bucket per node would let through twice that. The two nodes
 * run with a low rate (2 per second, bursts of 10), so that the flood outruns it however slow this machine's commits
 * are.
 */
class ClusterRateLimitIT {

    private static final int BURST = 10;
    private static final int SENDS_PER_SECOND = 2;

    /** How long both nodes are flooded. */
    private static final Duration FLOOD = Duration.ofSeconds(5);

    /** Senders per node, each on a channel of its own (sends to one channel wait for each other's commit). */
    private static final int SENDERS_PER_NODE = 4;

    /** Sends that may slip through by timing: the refill while the last requests are answered. */
    private static final int TOLERANCE = 2;

    @Test
    void aUserFloodingTwoNodesGetsTheRateOnceNotOncePerNode() throws Exception {
        try (MicroProcess first = node("first"); MicroProcess second = node("second")) {
            first.start();
            second.start();
            ChatClient one = new ChatClient(first.base());
            ChatClient other = new ChatClient(second.base());
            String alice = one.token("it-" + UUID.randomUUID(), "alice");
            List<String> channels = new ArrayList<>();
            for (int i = 0; i < SENDERS_PER_NODE; i++) {
                channels.add(one.publicChannel(alice, "c" + i));
            }

            ExecutorService senders = Executors.newFixedThreadPool(2 * SENDERS_PER_NODE);
            try {
                long start = System.nanoTime();
                long deadline = start + FLOOD.toNanos();
                List<Future<List<Integer>>> onFirst = new ArrayList<>();
                List<Future<List<Integer>>> onSecond = new ArrayList<>();
                for (int i = 0; i < SENDERS_PER_NODE; i++) {
                    onFirst.add(senders.submit(flood(one, alice, channels.get(i), "a" + i + "-", deadline)));
                    onSecond.add(senders.submit(flood(other, alice, channels.get(i), "b" + i + "-", deadline)));
                }
                List<Integer> firstStatuses = statuses(onFirst);
                List<Integer> secondStatuses = statuses(onSecond);
                double seconds = (System.nanoTime() - start) / 1e9;
                long accepted = Stream.concat(firstStatuses.stream(), secondStatuses.stream())
                        .filter(status -> status == 201).count();
                long allowed = BURST + Math.round(SENDS_PER_SECOND * seconds) + TOLERANCE;
                System.out.printf("ClusterRateLimitIT: in %.1f s, first node %d sends (%d refused), second node %d"
                        + " sends (%d refused); %d accepted in all, at most %d allowed%n", seconds,
                        firstStatuses.size(), Collections.frequency(firstStatuses, 429), secondStatuses.size(),
                        Collections.frequency(secondStatuses, 429), accepted, allowed);
                assertTrue(firstStatuses.contains(429) && secondStatuses.contains(429),
                        "both nodes reached the limit");
                assertTrue(accepted <= allowed, "the rate counted once for the cluster: " + accepted + " accepted in "
                        + seconds + " s");
                assertTrue(accepted >= BURST, "the burst is accepted: " + accepted);
                Stream.concat(firstStatuses.stream(), secondStatuses.stream()).filter(status -> status != 429)
                        .forEach(status -> assertEquals(201, status, "a send is accepted or rate limited"));
            } finally {
                senders.shutdownNow();
            }
        }
    }

    private static MicroProcess node(String name) throws Exception {
        return new MicroProcess(Path.of("target", "cluster-rate-limit-it-" + name + ".log"))
                .withSystemProperty("chat.rate.sends-per-second", Integer.toString(SENDS_PER_SECOND))
                .withSystemProperty("chat.rate.burst", Integer.toString(BURST));
    }

    /** Sends over {@code client} until {@code deadline}; answers the statuses. */
    private static Callable<List<Integer>> flood(ChatClient client, String token, String channel, String prefix,
            long deadline) {
        return () -> {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; System.nanoTime() < deadline; i++) {
                statuses.add(client.post("/api/v1/channels/" + channel + "/messages", token, Json.createObjectBuilder()
                        .add("client_msg_id", prefix + i).add("body", "x").build()).status());
            }
            return statuses;
        };
    }

    private static List<Integer> statuses(List<Future<List<Integer>>> floods) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> flood : floods) {
            statuses.addAll(flood.get(ChatSocket.WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        return statuses;
    }
}

package org.chatserver.it.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.chatserver.it.support.ChatClient;
import org.chatserver.it.support.ChatSocket;
import org.chatserver.it.support.MicroDeployment;
import org.chatserver.it.support.ServerHeap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client that cannot keep up (PROTOCOL.md, limits and closing): one member of a busy channel stops reading while
 * the others go on. The server's writes to it back up through TCP (the send buffer and Payara's write queue are
 * bounded by {@code CHAT_SOCKET_WRITE_BUFFER}) into its bounded outbound queue; when the queue is full the server
 * closes it with 4008 instead of buffering, so its memory stays bounded (measured on the server process's heap), and
 * every other member keeps receiving every message in order.
 *
 * <p>The heap is compared from after a warm-up round that every member reads: each test class gets a fresh Payara, and
 * the first messages it carries initialise the whole send path (Hibernate's query parser, the Kafka producer, pools),
 * which retained about 5 MB before the flood began and, on a busy machine, pushed an honest server over the bound.
 */
@ExtendWith(ArquillianExtension.class)
class SlowReaderIT {

    /** Users sending at once: the rate limit is per user (20/s), the flood needs more. */
    private static final int SENDERS = 8;

    /** Messages per sender: the flood is far more than the kernel's socket buffers and the 256-frame queue hold. */
    private static final int PER_SENDER = 200;

    /** Messages per sender of the warm-up round, which every member reads before the heap is first measured. */
    private static final int WARM_UP_PER_SENDER = 10;

    /** Below the per-user rate (20/s), so no send is refused. */
    private static final Duration SEND_INTERVAL = Duration.ofMillis(70);

    /** The longest body (4,000 code points), of 4-byte characters: a 16 KB frame, to fill buffers quickly. */
    private static final String BODY = "\uD83D\uDE00".repeat(4000);

    private static final int FRAME_BYTES = BODY.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;

    @Deployment(testable = false)
    static WebArchive app() {
        return MicroDeployment.war();
    }

    @ArquillianResource
    URL deployed;

    @Test
    void aClientThatStopsReadingIsClosedWith4008WhileTheOthersReceiveEveryMessageInOrder() throws Exception {
        ChatClient client = new ChatClient(MicroDeployment.base(deployed));
        String workspace = "it-" + UUID.randomUUID();
        String[] senders = new String[SENDERS];
        for (int i = 0; i < SENDERS; i++) {
            senders[i] = "sender" + i;
        }
        String owner = client.token(workspace, "owner");
        String[] members = new String[SENDERS + 1];
        System.arraycopy(senders, 0, members, 0, SENDERS);
        members[SENDERS] = "slow";
        String channel = client.publicChannel(owner, "busy", members);
        ServerHeap heap = ServerHeap.listeningOn(deployed.getPort());
        long warmUp = SENDERS * WARM_UP_PER_SENDER;
        int total = SENDERS * PER_SENDER;

        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        try (ChatSocket slow = client.connect(client.token(workspace, "slow"));
                ChatSocket reader = client.connect(owner)) {
            slow.next("hello");
            reader.next("hello");
            slow.keepAlive(Duration.ofSeconds(1));
            reader.keepAlive(Duration.ofSeconds(1));

            flood(pool, client, workspace, senders, channel, 0, WARM_UP_PER_SENDER, reader, slow);
            long heapBefore = heap.usedAfterFullGc();
            slow.pauseReading();
            flood(pool, client, workspace, senders, channel, WARM_UP_PER_SENDER, PER_SENDER, reader);
            long heapAfter = heap.usedAfterFullGc();
            long flood = (long) total * FRAME_BYTES;
            System.out.printf("SlowReaderIT: %d frames of %d bytes (%d MB); server heap after full GC %d MB before,"
                    + " %d MB after%n", total, FRAME_BYTES, flood >> 20, heapBefore >> 20, heapAfter >> 20);
            assertTrue(heapAfter - heapBefore < flood / 2,
                    "the server holds no backlog for the client that stopped reading: " + (heapAfter - heapBefore)
                            + " bytes more than before, for a flood of " + flood);

            slow.resumeReading();
            long received = 0;
            while (true) {
                try {
                    JsonObject msg = slow.next(frame -> "msg".equals(frame.getString("op")), "msg",
                            Duration.ofSeconds(5));
                    assertEquals(warmUp + ++received, msg.getJsonNumber("seq").longValue(),
                            "what it got is in order");
                } catch (AssertionError drained) {
                    break;
                }
            }
            OptionalInt closeCode = slow.awaitEnd();
            System.out.printf("SlowReaderIT: the slow client received %d of %d messages, then %s%n", received, total,
                    closeCode.isPresent() ? "close " + closeCode.getAsInt() : "a reset");
            // The 4008 close frame queues behind the frames the client never read, which the server drops with
            // the connection: such a client sees a reset; one whose buffers had room sees 4008.
            if (closeCode.isPresent()) {
                assertEquals(4008, closeCode.getAsInt(), "closed as too slow");
            }
            assertTrue(received < total, "the server dropped it rather than buffer the whole flood: " + received);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Every sender sends {@code count} messages at once, each over its own socket; every one is acked, and each of
     * {@code readers} gets them all, in order, after the {@code first * SENDERS} messages of earlier floods.
     */
    private static void flood(ExecutorService pool, ChatClient client, String workspace, String[] senders,
            String channel, int first, int count, ChatSocket... readers) throws Exception {
        List<Future<Integer>> acked = new ArrayList<>();
        for (String sender : senders) {
            String token = client.token(workspace, sender);
            acked.add(pool.submit(() -> sendAll(client, token, sender, channel, first, count)));
        }
        long earlier = (long) first * senders.length;
        for (ChatSocket reader : readers) {
            for (long seq = earlier + 1; seq <= earlier + (long) count * senders.length; seq++) {
                JsonObject msg = reader.next("msg");
                assertEquals(seq, msg.getJsonNumber("seq").longValue(),
                        "the reading member gets every message, in order");
            }
        }
        for (Future<Integer> sender : acked) {
            assertEquals(count, sender.get(ChatSocket.WAIT.toSeconds(), TimeUnit.SECONDS), "all acked");
        }
    }

    /**
     * Sends messages {@code first} to {@code first + count - 1} of {@code user} over its own socket at the pace;
     * answers the acks.
     */
    private static int sendAll(ChatClient client, String token, String user, String channel, int first, int count)
            throws Exception {
        try (ChatSocket socket = client.connect(token)) {
            socket.next("hello");
            socket.keepAlive(Duration.ofSeconds(1));
            for (int i = first; i < first + count; i++) {
                socket.send(Json.createObjectBuilder().add("op", "send").add("client_msg_id", user + "-" + i)
                        .add("channel", channel).add("body", BODY).build());
                Thread.sleep(SEND_INTERVAL.toMillis());
            }
            int acks = 0;
            for (int i = 0; i < count; i++) {
                socket.next("ack");
                acks++;
            }
            return acks;
        }
    }
}

package org.chatserver.it.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.chatserver.it.support.ChatClient;
import org.chatserver.it.support.FreshWorkspaceTest;
import org.chatserver.it.support.ChatSocket;
import org.junit.jupiter.api.Test;

/**
 * Presence (PROTOCOL.md guarantee 5): frames on transitions only, offline at once when the last connection closes and
 * within the TTL when a client vanishes, only viewers hear presence of large channels, and a connection storm costs
 * each connection at most one frame per user per second. The tests run with a 4 s heartbeat and a 2 s presence
 * refresh (arquillian.xml), so that "never per heartbeat" is observed over several of each.
 */
class PresenceIT extends FreshWorkspaceTest {

    /** How long a test waits to be sure a frame does not come. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    /** PROTOCOL.md: a crashed client shows offline within 45 s. */
    private static final Duration TTL = Duration.ofSeconds(45);

    /** PROTOCOL.md: channels over 1,000 members are large by default. */
    private static final int LARGE_CHANNEL = 1_001;

    /**
     * The storm of the issue: this many members (the watcher and the rest) connecting within a second, in a channel
     * just small enough that everyone hears presence.
     */
    private static final int STORM = Integer.getInteger("it.presence.storm", 1_000);

    /** At most one in this many storm upgrades may fail once and be retried. */
    private static final int STORM_RETRIES_DIVISOR = 100;

    /** The storm is over when the watcher has heard nothing new for this long. */
    private static final Duration STORM_QUIET = Duration.ofSeconds(15);



    @Test
    void anotherMemberSeesOnlineAwayAndOfflineOnceEach() {
        String channel = client.publicChannel(alice, "team", "bob");
        try (ChatSocket alices = client.connect(alice)) {
            alices.keepAlive(Duration.ofSeconds(1));
            alices.next("hello");
            try (ChatSocket bobs = client.connect(bob)) {
                bobs.keepAlive(Duration.ofSeconds(1));
                bobs.next("hello");
                assertPresence(alices.next("presence"), "bob", "online", channel);
                assertEquals(List.of("alice", "bob"), onlineUsers(channel));

                bobs.send(Json.createObjectBuilder().add("op", "presence").add("state", "away").build());
                assertPresence(alices.next("presence"), "bob", "away", channel);
                assertEquals("away", stateOf(channel, "bob"));

                bobs.send(Json.createObjectBuilder().add("op", "presence").add("state", "online").build());
                assertPresence(alices.next("presence"), "bob", "online", channel);
            }
            assertPresence(alices.next("presence"), "bob", "offline", channel);
            assertEquals(List.of("alice"), onlineUsers(channel));
            assertEquals(4, alices.received("presence").size(), "one frame per transition");
        }
    }

    @Test
    void aUserIsOfflineOnlyWhenItsLastConnectionCloses() {
        String channel = client.publicChannel(alice, "team", "bob");
        try (ChatSocket alices = client.connect(alice)) {
            alices.keepAlive(Duration.ofSeconds(1));
            alices.next("hello");
            ChatSocket phone = client.connect(bob);
            phone.next("hello");
            alices.next("presence");
            try (ChatSocket desk = client.connect(bob)) {
                desk.keepAlive(Duration.ofSeconds(1));
                desk.next("hello");
                phone.close();
                phone.awaitCloseCode();
                assertFalse(arrives(alices, "presence"), "bob still has a connection");
                assertEquals(List.of("alice", "bob"), onlineUsers(channel));
            }
            assertPresence(alices.next("presence"), "bob", "offline", channel);
        }
    }

    @Test
    void presenceIsNotRepeatedPerHeartbeatAndAVanishedClientTurnsOfflineWithinTheTtl() throws Exception {
        String channel = client.publicChannel(alice, "team", "bob");
        try (ChatSocket alices = client.connect(alice)) {
            alices.keepAlive(Duration.ofSeconds(1));
            alices.next("hello");
            ChatSocket bobs = client.connect(bob);
            bobs.keepAlive(Duration.ofSeconds(1));
            bobs.next("hello");
            alices.next("presence");

            TimeUnit.SECONDS.sleep(10);
            assertEquals(1, alices.received("presence").size(),
                    "10 s of heartbeats and presence refreshes send no presence frame");

            bobs.stopKeepAlive();
            long silentSince = System.nanoTime();
            JsonObject offline = alices.next(frame -> "presence".equals(frame.getString("op")), "bob offline", TTL);
            assertPresence(offline, "bob", "offline", channel);
            assertTrue(System.nanoTime() - silentSince < TTL.toNanos());
        }
    }

    @Test
    void inALargeChannelOnlyConnectionsViewingItHearPresence() {
        String carol = client.token(workspace, "carol");
        String channel = client.publicChannel(alice, "everyone", "bob", "carol");
        addMembers(channel, LARGE_CHANNEL - 3);
        try (ChatSocket viewer = client.connect(alice); ChatSocket other = client.connect(carol)) {
            viewer.keepAlive(Duration.ofSeconds(1));
            other.keepAlive(Duration.ofSeconds(1));
            viewer.next("hello");
            other.next("hello");
            JsonArrayBuilder viewed = Json.createArrayBuilder().add(channel);
            viewer.send(Json.createObjectBuilder().add("op", "view").add("channels", viewed).build());
            viewer.send(Json.createObjectBuilder().add("op", "ping").build());
            viewer.next("pong");

            try (ChatSocket bobs = client.connect(bob)) {
                bobs.next("hello");
                // Carol came online too, while the view was being set: her frame may come first, and rightly so.
                JsonObject bobOnline = viewer.next(frame -> "presence".equals(frame.getString("op"))
                        && "bob".equals(frame.getString("user")), "bob's presence");
                assertPresence(bobOnline, "bob", "online", channel);
                assertFalse(arrives(other, "presence"), "carol does not view the large channel");
            }
        }
    }

    @Test
    void aStormOfConnectionsGetsAtMostOneFramePerUserPerSecond() throws Exception {
        List<String> members = IntStream.range(1, STORM).mapToObj(i -> "m" + i).toList();
        String channel = client.publicChannel(alice, "storm");
        addMembers(channel, members);
        List<String> tickets = ticketsFor(members);
        try (ChatSocket watcher = client.connect(alice)) {
            watcher.keepAlive(Duration.ofSeconds(1));
            watcher.next("hello");

            List<ChatSocket> storm = new ArrayList<>();
            try {
                long start = System.nanoTime();
                int retried = 0;
                for (int i = 0; i < members.size(); i++) {
                    try {
                        storm.add(client.connectWithTicket(tickets.get(i)));
                    } catch (IllegalStateException upgradeFailed) {
                        // A client retries a failed upgrade (PROTOCOL.md reconnect); Payara Micro fails the odd one
                        // of a storm in its request recycling (an NPE in its log, a 301 to the client).
                        retried++;
                        storm.add(client.connect(client.token(workspace, members.get(i))));
                    }
                }
                long connecting = System.nanoTime() - start;
                assertTrue(retried <= members.size() / STORM_RETRIES_DIVISOR,
                        retried + " of " + members.size() + " upgrades failed once");
                storm.forEach(socket -> socket.keepAlive(Duration.ofSeconds(2)));

                // Frames of different users arrive in any order: collect them until all came, or none came for a
                // while (a storm takes the server a while to announce on a 2-core machine; the bound is on frames).
                // A frame that never comes is a lost announcement: a renewal of the node's presence claims once
                // pre-empted the first connection's claim, which then announced nothing.
                long quietSince = System.nanoTime();
                int frames = 0;
                Set<String> heard = Set.of();
                while (heard.size() < members.size()
                        && System.nanoTime() - quietSince < STORM_QUIET.toNanos()) {
                    TimeUnit.MILLISECONDS.sleep(200);
                    List<ChatSocket.Received> presence = watcher.received("presence");
                    if (presence.size() > frames) {
                        frames = presence.size();
                        quietSince = System.nanoTime();
                    }
                    heard = presence.stream().filter(r -> "online".equals(r.frame().getString("state")))
                            .map(r -> r.frame().getString("user")).collect(Collectors.toSet());
                }
                assertEquals(Set.copyOf(members), heard, "the watcher heard every member come online");
                TimeUnit.SECONDS.sleep(3);

                long total = 0;
                for (ChatSocket socket : storm) {
                    total += assertAtMostOneFramePerUserPerSecond(socket.received("presence"));
                }
                assertAtMostOneFramePerUserPerSecond(watcher.received("presence"));
                long pairs = (long) members.size() * (members.size() - 1);
                System.out.printf("presence storm: %d connections opened in %d ms, %d presence frames in all"
                        + " (at most %d: one per other member)%n", members.size(),
                        TimeUnit.NANOSECONDS.toMillis(connecting), total, pairs);
                assertTrue(total <= pairs, "no connection heard of a member twice");
            } finally {
                storm.forEach(ChatSocket::close);
            }
        }
    }

    /** Asserts the coalescing bound on one connection's presence frames; answers how many there were. */
    private static int assertAtMostOneFramePerUserPerSecond(List<ChatSocket.Received> frames) {
        Map<String, Long> last = new HashMap<>();
        for (ChatSocket.Received received : frames) {
            String user = received.frame().getString("user");
            Long previous = last.put(user, received.atNanos());
            // The server's one-second window, less what delivery jitter can shave off between two frames.
            assertTrue(previous == null || received.atNanos() - previous > TimeUnit.MILLISECONDS.toNanos(900),
                    "two presence frames of " + user + " within a second");
        }
        return frames.size();
    }

    private List<String> ticketsFor(List<String> users) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> tickets = new ArrayList<>();
            for (String user : users) {
                tickets.add(pool.submit(() -> client.post("/api/v1/ws/connect", client.token(workspace, user), null)
                        .json().getString("ticket")));
            }
            List<String> issued = new ArrayList<>();
            for (Future<String> ticket : tickets) {
                issued.add(ticket.get());
            }
            return issued;
        } finally {
            pool.shutdownNow();
        }
    }

    private void addMembers(String channel, int count) {
        addMembers(channel, IntStream.range(0, count).mapToObj(i -> "extra-" + i).toList());
    }

    private void addMembers(String channel, List<String> users) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        users.forEach(array::add);
        ChatClient.Reply added = client.post("/api/v1/channels/" + channel + "/members", alice,
                Json.createObjectBuilder().add("users", array).build());
        assertEquals(200, added.status(), added.toString());
    }

    private List<String> onlineUsers(String channel) {
        return client.get("/api/v1/channels/" + channel + "/presence", alice).json().getJsonArray("online")
                .getValuesAs(JsonObject.class).stream().map(entry -> entry.getString("user")).toList();
    }

    private String stateOf(String channel, String user) {
        return client.get("/api/v1/channels/" + channel + "/presence", alice).json().getJsonArray("online")
                .getValuesAs(JsonObject.class).stream().filter(entry -> user.equals(entry.getString("user")))
                .findFirst().orElseThrow().getString("state");
    }

    private static void assertPresence(JsonObject frame, String user, String state, String channel) {
        assertEquals(user, frame.getString("user"));
        assertEquals(state, frame.getString("state"));
        assertEquals(channel, frame.getString("channel"));
    }

    private static boolean arrives(ChatSocket socket, String op) {
        try {
            socket.next(frame -> op.equals(frame.getString("op")), op, QUIET);
            return true;
        } catch (AssertionError none) {
            return false;
        }
    }
}

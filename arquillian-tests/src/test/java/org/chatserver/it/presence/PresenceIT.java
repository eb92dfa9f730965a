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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    /**
     * How often storm clients ping. The tests' heartbeat is 4 s, so a client is closed after 8 s of silence; a storm
     * loads the whole 2-core machine, and a ping may be late by seconds (pinging more often adds to that load).
     */
    private static final Duration STORM_PING = Duration.ofSeconds(2);

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
        List<String> tokens = tokensFor(members);
        try (ChatSocket watcher = client.connect(alice)) {
            watcher.keepAlive(Duration.ofSeconds(1));
            watcher.next("hello");

            List<ChatSocket> storm = new ArrayList<>();
            try {
                long start = System.nanoTime();
                AtomicInteger retried = new AtomicInteger();
                for (String token : tokens) {
                    storm.add(stormClient(token, retried));
                }
                long connected = System.nanoTime() - start;
                assertTrue(retried.get() <= members.size() / STORM_RETRIES_DIVISOR,
                        retried + " of " + members.size() + " upgrades failed once");
                assertEquals(List.of(), storm.stream().filter(ChatSocket::isClosed).map(ChatSocket::awaitCloseCode)
                        .toList(), () -> "close codes of storm connections the server closed (the storm took "
                                + TimeUnit.NANOSECONDS.toMillis(connected) + " ms)");

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
                        TimeUnit.NANOSECONDS.toMillis(connected), total, pairs);
                assertTrue(total <= pairs, "no connection heard of a member twice");
            } finally {
                storm.forEach(ChatSocket::close);
            }
        }
    }

    /**
     * One member of the storm, as a client does it: a ticket, the upgrade (retried once if it fails), and pings from
     * the start. Pinging matters on a slow machine, where the storm outlasts two heartbeat intervals: silent sockets
     * would be closed (1001) and announced offline mid-storm.
     */
    private ChatSocket stormClient(String token, AtomicInteger retried) {
        ChatSocket socket;
        try {
            socket = client.connect(token);
        } catch (IllegalStateException upgradeFailed) {
            // A client retries a failed upgrade (PROTOCOL.md reconnect); Payara Micro fails the odd one of a storm in
            // its request recycling (an NPE in its log, a 301 to the client).
            retried.incrementAndGet();
            socket = client.connect(token);
        }
        socket.keepAlive(STORM_PING);
        return socket;
    }

    /** Asserts the coalescing bound on one connection's presence frames; answers how many there were. */
    private static int assertAtMostOneFramePerUserPerSecond(List<ChatSocket.Received> frames) {
        Map<String, ChatSocket.Received> last = new HashMap<>();
        for (ChatSocket.Received received : frames) {
            String user = received.frame().getString("user");
            ChatSocket.Received previous = last.put(user, received);
            // The server's one-second window, less what delivery jitter can shave off between two frames.
            assertTrue(previous == null
                    || received.atNanos() - previous.atNanos() > TimeUnit.MILLISECONDS.toNanos(900),
                    () -> "two presence frames of " + user + " within a second: " + previous.frame() + " then, "
                            + TimeUnit.NANOSECONDS.toMillis(received.atNanos() - previous.atNanos()) + " ms later, "
                            + received.frame());
        }
        return frames.size();
    }

    /** Tokens up front, tickets at the upgrade: a ticket lives 60 s, and a storm on a slow machine takes longer. */
    private List<String> tokensFor(List<String> users) {
        return users.parallelStream().map(user -> client.token(workspace, user)).toList();
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

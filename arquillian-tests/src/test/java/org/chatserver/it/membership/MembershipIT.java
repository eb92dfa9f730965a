package org.chatserver.it.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.chatserver.it.support.ChatClient;
import org.chatserver.it.support.FreshWorkspaceTest;
import org.chatserver.it.support.ChatSocket;
import org.junit.jupiter.api.Test;

/**
 * Channels and membership (PROTOCOL.md section 2): browsing and joining public channels, adding, removing and listing
 * members; every change is announced with {@code member} frames and takes effect on live connections at once.
 */
class MembershipIT extends FreshWorkspaceTest {



    @Test
    void browsingShowsPublicChannelsOnlyAndFindsOneByName() {
        String lobby = create(alice, "public", "lobby");
        create(alice, "private", "secret");
        create(alice, "public", "random");

        ChatClient.Reply all = client.get("/api/v1/channels?public=true", bob);
        assertEquals(200, all.status());
        List<String> names = all.json().getJsonArray("channels").getValuesAs(JsonObject.class).stream()
                .map(channel -> channel.getString("name")).toList();
        assertEquals(List.of("lobby", "random").stream().sorted().toList(), names.stream().sorted().toList());

        ChatClient.Reply byName = client.get("/api/v1/channels?public=true&name=lobby", bob);
        assertEquals(1, byName.json().getJsonArray("channels").size());
        assertEquals(lobby, byName.json().getJsonArray("channels").getJsonObject(0).getString("id"));
        assertFalse(byName.json().getBoolean("has_more"));
    }

    @Test
    void joiningAPublicChannelAnnouncesTheMemberAndItsMessagesArriveLive() {
        String lobby = create(alice, "public", "lobby");
        try (ChatSocket alices = client.connect(alice); ChatSocket bobs = client.connect(bob)) {
            alices.next("hello");
            bobs.next("hello");

            ChatClient.Reply joined = client.post("/api/v1/channels/" + lobby + "/join", bob, null);
            assertEquals(200, joined.status(), joined.toString());
            assertEquals(2, joined.json().getInt("member_count"));
            assertMember(bobs.next("member"), lobby, "bob", "joined");
            assertMember(alices.next("member"), lobby, "bob", "joined");

            send(alices, lobby, "welcome-1");
            assertEquals("welcome-1", bobs.next("msg").getString("client_msg_id"));
        }
    }

    @Test
    void anAddedMembersLiveConnectionStartsReceivingTheChannel() {
        String team = create(alice, "private", "team");
        try (ChatSocket alices = client.connect(alice); ChatSocket bobs = client.connect(bob)) {
            alices.next("hello");
            bobs.next("hello");

            ChatClient.Reply added = client.post("/api/v1/channels/" + team + "/members", alice,
                    Json.createObjectBuilder().add("users", Json.createArrayBuilder().add("bob")).build());
            assertEquals(200, added.status(), added.toString());
            assertEquals(List.of("bob"), strings(added.json(), "members"));
            assertMember(bobs.next("member"), team, "bob", "joined");

            send(alices, team, "hi-bob");
            assertEquals("hi-bob", bobs.next("msg").getString("client_msg_id"));
        }
        assertEquals(200, client.post("/api/v1/channels/" + team + "/join", bob, null).status(),
                "a member joining a private channel again gets it");
        assertEquals(404, client.post("/api/v1/channels/" + team + "/join", client.token(workspace, "carol"), null)
                .status(), "a private channel cannot be joined");
    }

    @Test
    void aRemovedMembersLiveConnectionStopsReceivingTheChannelAtOnce() throws InterruptedException {
        String team = create(alice, "private", "team", "bob");
        try (ChatSocket alices = client.connect(alice); ChatSocket bobs = client.connect(bob)) {
            alices.next("hello");
            bobs.next("hello");

            ChatClient.Reply removed = client.call("DELETE", "/api/v1/channels/" + team + "/members/bob", alice, null);
            assertEquals(204, removed.status());
            assertMember(alices.next("member"), team, "bob", "left");
            assertMember(bobs.next("member"), team, "bob", "left");

            send(alices, team, "after-bob");
            alices.next("msg");
            bobs.send(Json.createObjectBuilder().add("op", "ping").build());
            bobs.next("pong");
            assertFalse(bobs.hasPending(frame -> "msg".equals(frame.getString("op"))),
                    "bob got a message of a channel he was removed from");
            assertEquals(404, client.get("/api/v1/channels/" + team, bob).status(), "and cannot see it anymore");
        }
    }

    @Test
    void aChannelCreatedWithAnOnlineMemberReachesThemLive() {
        try (ChatSocket bobs = client.connect(bob); ChatSocket alices = client.connect(alice)) {
            bobs.next("hello");
            alices.next("hello");
            String dm = create(alice, "dm", null, "bob");
            assertMember(bobs.next(frame -> "member".equals(frame.getString("op"))
                    && "bob".equals(frame.getString("user")), "bob's member frame"), dm, "bob", "joined");

            send(alices, dm, "dm-1");
            assertEquals("dm-1", bobs.next("msg").getString("client_msg_id"));
        }
    }

    @Test
    void membersArePagedInUserOrder() {
        String team = create(alice, "private", "team", "dave", "carol", "bob", "erin");

        ChatClient.Reply first = client.get("/api/v1/channels/" + team + "/members?limit=2", alice);
        assertEquals(200, first.status(), first.toString());
        assertEquals(List.of("alice", "bob"), users(first.json()));
        assertTrue(first.json().getBoolean("has_more"));

        ChatClient.Reply rest = client.get("/api/v1/channels/" + team + "/members?after=bob&limit=10", alice);
        assertEquals(List.of("carol", "dave", "erin"), users(rest.json()));
        assertFalse(rest.json().getBoolean("has_more"));

        assertEquals(400, client.get("/api/v1/channels/" + team + "/members?limit=0", alice).status());
    }

    private String create(String token, String kind, String name, String... members) {
        JsonArrayBuilder memberArray = Json.createArrayBuilder();
        for (String member : members) {
            memberArray.add(member);
        }
        var body = Json.createObjectBuilder().add("kind", kind).add("members", memberArray);
        if (name != null) {
            body.add("name", name);
        }
        ChatClient.Reply created = client.post("/api/v1/channels", token, body.build());
        assertEquals(201, created.status(), created.toString());
        return created.json().getString("id");
    }

    private static void send(ChatSocket socket, String channel, String clientMsgId) {
        socket.send(Json.createObjectBuilder().add("op", "send").add("client_msg_id", clientMsgId)
                .add("channel", channel).add("body", "text of " + clientMsgId).build());
        socket.next("ack");
    }

    private static void assertMember(JsonObject frame, String channel, String user, String change) {
        assertEquals(channel, frame.getString("channel"));
        assertEquals(user, frame.getString("user"));
        assertEquals(change, frame.getString("change"));
    }

    private static List<String> users(JsonObject page) {
        return page.getJsonArray("members").getValuesAs(JsonObject.class).stream()
                .map(member -> member.getString("user")).toList();
    }

    private static List<String> strings(JsonObject json, String field) {
        return json.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}

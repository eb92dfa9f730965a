package org.chatserver.ejb.message;

import java.io.StringReader;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.chatserver.ejb.wire.WireJson;
import org.chatserver.persistence.message.Message;

/**
 * A committed message as it travels: on Kafka (with its workspace, so consumers find the shard) and to clients as the
 * {@code msg} frame of PROTOCOL.md. Immutable; {@link #toString()} leaves the body out.
 */
public record ChatMessage(String workspace, String channel, String id, long seq, String from, String body, long ts,
        String clientMsgId) {

    /** The Kafka topic of committed messages, keyed (so partitioned) by channel: the fan-out's input. */
    public static final String TOPIC = "chat.messages";

    public static ChatMessage of(Message row) {
        return new ChatMessage(row.workspaceId(), row.channelId(), row.id(), row.seq(), row.senderId(), row.body(),
                row.ts(), row.clientMsgId());
    }

    /** The {@code msg} frame. */
    public String toFrame() {
        return fields().build().toString();
    }

    /** The Kafka record value: the frame's fields plus the workspace. */
    public String toRecord() {
        return fields().add("workspace", workspace).build().toString();
    }

    private JsonObjectBuilder fields() {
        return WireJson.object()
                .add("op", "msg")
                .add("channel", channel)
                .add("id", id)
                .add("seq", seq)
                .add("from", from)
                .add("body", body)
                .add("ts", ts)
                .add("client_msg_id", clientMsgId);
    }

    /** Reads a Kafka record value written by {@link #toRecord()}. */
    public static ChatMessage fromRecord(String value) {
        JsonObject json = WireJson.reader(new StringReader(value)).readObject();
        return new ChatMessage(json.getString("workspace"), json.getString("channel"), json.getString("id"),
                json.getJsonNumber("seq").longValueExact(), json.getString("from"), json.getString("body"),
                json.getJsonNumber("ts").longValueExact(), json.getString("client_msg_id"));
    }

    @Override
    public String toString() {
        return "ChatMessage[" + workspace + "/" + channel + "#" + seq + "]";
    }
}

package org.chatserver.web.gateway;

import jakarta.json.JsonObjectBuilder;

import org.chatserver.ejb.wire.WireJson;
import org.chatserver.ejb.identity.Identity;
import org.chatserver.ejb.message.Replay;
import org.chatserver.ejb.message.SendResult;
import org.chatserver.ejb.problem.ProblemCode;

/** The server-to-client frames the gateway itself writes ({@code msg} frames come rendered from the fan-out). */
final class Frames {

    private Frames() {
    }

    static String hello(Identity identity, String session, long heartbeatMs) {
        return WireJson.object()
                .add("op", "hello")
                .add("user", identity.user())
                .add("workspace", identity.workspace())
                .add("session", session)
                .add("heartbeat_ms", heartbeatMs)
                .build().toString();
    }

    static String ack(SendResult sent) {
        return WireJson.object()
                .add("op", "ack")
                .add("client_msg_id", sent.clientMsgId())
                .add("channel", sent.channel())
                .add("id", sent.id())
                .add("seq", sent.seq())
                .add("ts", sent.ts())
                .add("duplicate", sent.duplicate())
                .build().toString();
    }

    /** The end of one channel's {@code sync} replay. */
    static String synced(Replay replay) {
        return WireJson.object()
                .add("op", "synced")
                .add("channel", replay.channel())
                .add("last_seq", replay.lastSeq())
                .add("has_more", replay.hasMore())
                .build().toString();
    }

    static String pong(long ts) {
        return WireJson.object().add("op", "pong").add("ts", ts).build().toString();
    }

    /** An error answering the request named by {@code ref} (a client message id or an op; may be null). */
    static String error(ProblemCode code, String message, String ref) {
        JsonObjectBuilder frame = WireJson.object()
                .add("op", "error")
                .add("code", code.wireCode())
                .add("message", message);
        if (ref != null) {
            frame.add("ref", ref);
        }
        return frame.build().toString();
    }
}

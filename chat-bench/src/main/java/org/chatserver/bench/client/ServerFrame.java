package org.chatserver.bench.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The fields of a server frame that the load generator reads, taken from the JSON text in one streaming pass. Every
 * member reads every frame of a fan-out, so building a whole tree per frame (as {@code ObjectMapper.readTree} does)
 * was the largest cost of the load generator's frame handling, CPU taken from the server it measures on a shared
 * machine. Fields it does not read (the body, timestamps, unknown ones) are skipped, nested values whole. A field
 * missing from the frame reads as {@code ""}, {@code 0} or {@code false}. Immutable.
 *
 * @param op          the frame's {@code op}
 * @param channel     {@code channel}
 * @param seq         {@code seq}
 * @param from        {@code from} (the sender of a {@code msg})
 * @param clientMsgId {@code client_msg_id}
 * @param hasMore     {@code has_more} (of a {@code synced})
 * @param code        {@code code} (of an {@code error})
 * @param ref         {@code ref} (of an {@code error})
 */
record ServerFrame(String op, String channel, long seq, String from, String clientMsgId, boolean hasMore,
        String code, String ref) {

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * @param text one frame's text
     * @return its fields
     * @throws IOException if the text is not one JSON object (or not whole)
     */
    static ServerFrame parse(String text) throws IOException {
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a frame is not a JSON object");
            }
            String op = "";
            String channel = "";
            long seq = 0;
            String from = "";
            String clientMsgId = "";
            boolean hasMore = false;
            String code = "";
            String ref = "";
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                JsonToken value = p.nextToken();
                switch (name) {
                    case "op" -> op = text(p);
                    case "channel" -> channel = text(p);
                    case "seq" -> seq = value.isNumeric() ? p.getLongValue() : 0;
                    case "from" -> from = text(p);
                    case "client_msg_id" -> clientMsgId = text(p);
                    case "has_more" -> hasMore = value == JsonToken.VALUE_TRUE;
                    case "code" -> code = text(p);
                    case "ref" -> ref = text(p);
                    default -> p.skipChildren();
                }
            }
            return new ServerFrame(op, channel, seq, from, clientMsgId, hasMore, code, ref);
        }
    }

    /** The current value as text: a string's or other scalar's text; {@code null} or a nested value reads as "". */
    private static String text(JsonParser p) throws IOException {
        if (p.currentToken().isScalarValue() && p.currentToken() != JsonToken.VALUE_NULL) {
            return p.getText();
        }
        p.skipChildren();
        return "";
    }
}

package org.chatserver.web.wire;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.chatserver.ejb.wire.WireJson;
import org.chatserver.ejb.problem.ChatProblem;

/**
 * Typed access to the fields of a client's JSON object: a missing or ill-typed field is a {@code bad_request} naming
 * the field. Unknown fields are ignored, as PROTOCOL.md requires. Stateless.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** Parses {@code text} as one JSON object. */
    public static JsonObject parseObject(String text) {
        try {
            return WireJson.reader(new StringReader(text)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw ChatProblem.badRequest("not a JSON object");
        }
    }

    /** The body of a REST call, which must be a JSON object. */
    public static JsonObject requireBody(JsonObject body) {
        if (body == null) {
            throw ChatProblem.badRequest("a JSON object body is required");
        }
        return body;
    }

    public static String requireString(JsonObject json, String field) {
        return optionalString(json, field).orElseThrow(() -> missing(field, "string"));
    }

    public static Optional<String> optionalString(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString string)) {
            throw missing(field, "string");
        }
        return Optional.of(string.getString());
    }

    public static JsonObject requireObject(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw missing(field, "object");
        }
        return value.asJsonObject();
    }

    public static long requireLong(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw missing(field, "integer");
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            throw missing(field, "integer");
        }
    }

    /** A list of strings; absent means empty. */
    public static List<String> stringList(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw missing(field, "array of strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (!(item instanceof JsonString string)) {
                throw missing(field, "array of strings");
            }
            strings.add(string.getString());
        }
        return strings;
    }

    private static ChatProblem missing(String field, String type) {
        return ChatProblem.badRequest("field '" + field + "' must be a " + type);
    }
}

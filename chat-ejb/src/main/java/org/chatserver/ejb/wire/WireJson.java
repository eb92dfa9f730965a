package org.chatserver.ejb.wire;

import java.io.Reader;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;

/**
 * The server's one JSON provider, looked up once. {@code jakarta.json.Json}'s static methods look the provider up on
 * every call, which in an application server scans the class loader's resources: profiling showed it as a cost per
 * frame. Thread-safe (providers are).
 */
public final class WireJson {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private WireJson() {
    }

    /** A builder for a JSON object. */
    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    /** A builder for a JSON array. */
    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    /** A reader of JSON text. */
    public static JsonReader reader(Reader text) {
        return PROVIDER.createReader(text);
    }
}

package org.chatserver.kafka.inbound;

import jakarta.jms.MessageFormatException;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * Message properties holding only {@code String}, {@code Integer} and {@code Long} values, read with the
 * conversions of the JMS specification's property conversion table (section 3.5.4): a string converts to any
 * type by parsing, an int widens to long, anything converts to a string, every other conversion fails with
 * {@link MessageFormatException}. A missing property reads as {@code null} and so converts like the JMS
 * specification says {@code valueOf(null)} does.
 *
 * <p>Immutable and thread-safe.
 */
final class ReadOnlyMessageProperties {

    private final Map<String, Object> values;

    /** @param values property values, each a {@code String}, {@code Integer} or {@code Long}; copied */
    ReadOnlyMessageProperties(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    boolean exists(String name) {
        return values.containsKey(name);
    }

    Enumeration<String> names() {
        return Collections.enumeration(values.keySet());
    }

    Object getObject(String name) {
        return values.get(name);
    }

    String getString(String name) {
        Object value = values.get(name);
        return value == null ? null : value.toString();
    }

    boolean getBoolean(String name) throws MessageFormatException {
        return Boolean.parseBoolean(stringOnly(name, "boolean"));
    }

    byte getByte(String name) throws MessageFormatException {
        return Byte.parseByte(stringOnly(name, "byte"));
    }

    short getShort(String name) throws MessageFormatException {
        return Short.parseShort(stringOnly(name, "short"));
    }

    int getInt(String name) throws MessageFormatException {
        Object value = values.get(name);
        if (value instanceof Integer intValue) {
            return intValue;
        }
        return Integer.parseInt(stringOnly(name, "int"));
    }

    long getLong(String name) throws MessageFormatException {
        Object value = values.get(name);
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        return Long.parseLong(stringOnly(name, "long"));
    }

    float getFloat(String name) throws MessageFormatException {
        return Float.parseFloat(stringOnly(name, "float"));
    }

    double getDouble(String name) throws MessageFormatException {
        return Double.parseDouble(stringOnly(name, "double"));
    }

    /** @return the value of a string (or missing) property; fails for the types that do not convert */
    private String stringOnly(String name, String targetType) throws MessageFormatException {
        Object value = values.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new MessageFormatException("Property " + name + " is a " + value.getClass().getSimpleName()
                + " and does not convert to " + targetType);
    }
}

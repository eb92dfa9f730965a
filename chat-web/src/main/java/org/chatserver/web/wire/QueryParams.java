package org.chatserver.web.wire;

import org.chatserver.ejb.problem.ChatProblem;

/**
 * Typed query parameters: a parameter that is present but not a number is a {@code bad_request} naming it (JAX-RS
 * itself would answer 404 for an unparsable query parameter). Stateless.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** The parameter as a long, null when absent. */
    public static Long optionalLong(String value, String name) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw ChatProblem.badRequest("query parameter '" + name + "' must be an integer");
        }
    }

    /** The parameter as an int, null when absent. */
    public static Integer optionalInt(String value, String name) {
        Long parsed = optionalLong(value, name);
        if (parsed != null && (parsed < Integer.MIN_VALUE || parsed > Integer.MAX_VALUE)) {
            throw ChatProblem.badRequest("query parameter '" + name + "' is out of range");
        }
        return parsed == null ? null : parsed.intValue();
    }
}

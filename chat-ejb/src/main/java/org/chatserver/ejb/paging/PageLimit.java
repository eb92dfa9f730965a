package org.chatserver.ejb.paging;

import org.chatserver.ejb.problem.ChatProblem;

/**
 * How many items one page of a list holds: 1..200, 50 when the client names none (PROTOCOL.md). Immutable.
 */
public record PageLimit(int value) {

    public static final int MAX = 200;
    public static final int DEFAULT = 50;

    public PageLimit {
        if (value < 1 || value > MAX) {
            throw ChatProblem.badRequest("limit must be 1.." + MAX);
        }
    }

    /** The limit a client asked for, or the default when it asked for none. */
    public static PageLimit of(Integer requested) {
        return new PageLimit(requested == null ? DEFAULT : requested);
    }

    /** One more than the page holds: reading it tells whether more items follow. */
    public int probe() {
        return value + 1;
    }
}

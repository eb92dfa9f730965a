package org.chatserver.ejb.identity;

import org.chatserver.ejb.problem.ChatProblem;
import org.chatserver.ejb.problem.ProblemCode;

/**
 * An authenticated user: the pair (workspace, user id), plus the display name the token carried. Everything per user
 * (idempotency keys, rate limits, cursors) is per pair. Immutable.
 */
public record Identity(String workspace, String user, String name) {

    /** The longest workspace or user id accepted, in characters (the id columns' width). */
    public static final int MAX_ID_LENGTH = 64;

    public Identity {
        requireId(workspace, "workspace");
        requireId(user, "user");
    }

    /**
     * Checks a user or workspace id: 1..64 characters, no control characters.
     *
     * @throws ChatProblem {@code bad_request} otherwise
     */
    public static String requireId(String id, String what) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)
                || !id.strip().equals(id)) {
            throw new ChatProblem(ProblemCode.BAD_REQUEST,
                    what + " must be 1.." + MAX_ID_LENGTH + " characters without control characters or edge spaces");
        }
        return id;
    }
}

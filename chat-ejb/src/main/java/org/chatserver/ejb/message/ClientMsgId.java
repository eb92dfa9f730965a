package org.chatserver.ejb.message;

import java.util.regex.Pattern;

import org.chatserver.ejb.problem.ChatProblem;
import org.chatserver.ejb.problem.ProblemCode;

/**
 * The client message id: the sender's idempotency key.
 *
 * <p>Contract: 1..64 characters of {@code [A-Za-z0-9_-]}, unique per sender (workspace, user). Repeating a send with
 * the same id, over REST or WebSocket, on any connection, stores nothing new and answers the original message, whatever
 * channel or body the repeat names. Immutable.
 */
public record ClientMsgId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public ClientMsgId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new ChatProblem(ProblemCode.INVALID_CLIENT_MSG_ID,
                    "client_msg_id must be 1..64 characters of A-Z, a-z, 0-9, _ and -");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

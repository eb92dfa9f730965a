package org.chatserver.ejb.problem;

import jakarta.ejb.ApplicationException;

/**
 * A request the server refuses, with the PROTOCOL.md code the client gets. Rolls the transaction back; the message is
 * safe to show to the client (it never carries message bodies or tokens).
 */
@ApplicationException(rollback = true)
public class ChatProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemCode code;

    public ChatProblem(ProblemCode code, String message) {
        super(message);
        this.code = code;
    }

    public ProblemCode code() {
        return code;
    }

    /** The answer for a channel that does not exist or that the caller may not see: the two are indistinguishable. */
    public static ChatProblem unknownChannel(String channelId) {
        return new ChatProblem(ProblemCode.UNKNOWN_CHANNEL, "No such channel: " + channelId);
    }

    public static ChatProblem badRequest(String message) {
        return new ChatProblem(ProblemCode.BAD_REQUEST, message);
    }
}

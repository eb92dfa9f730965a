package org.chatserver.ejb.message;

import org.chatserver.ejb.problem.ChatProblem;
import org.chatserver.ejb.problem.ProblemCode;

/**
 * A message's text: 1..limit Unicode code points (not UTF-16 units, so an emoji counts once). Immutable; its
 * {@link #toString()} never reveals the text, so a body cannot leak into a log by accident.
 */
public final class MessageBody {

    private final String text;

    private MessageBody(String text) {
        this.text = text;
    }

    /**
     * Checks {@code text} against the limit.
     *
     * @throws ChatProblem {@code bad_request} when empty, {@code too_large} when over {@code maxCodePoints}
     */
    public static MessageBody of(String text, int maxCodePoints) {
        if (text == null || text.isEmpty()) {
            throw new ChatProblem(ProblemCode.BAD_REQUEST, "body must not be empty");
        }
        if (text.codePointCount(0, text.length()) > maxCodePoints) {
            throw new ChatProblem(ProblemCode.TOO_LARGE, "body is over " + maxCodePoints + " characters");
        }
        return new MessageBody(text);
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return "MessageBody[" + text.length() + " chars]";
    }
}

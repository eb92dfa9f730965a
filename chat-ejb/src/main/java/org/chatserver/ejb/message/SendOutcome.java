package org.chatserver.ejb.message;

import org.chatserver.ejb.problem.ChatProblem;

/**
 * What became of one send of a batch that committed: stored with its result, or refused with the problem the sender
 * gets (the rest of the batch is stored all the same). Immutable.
 */
public record SendOutcome(SendResult result, ChatProblem refusal) {

    public static SendOutcome stored(SendResult result) {
        return new SendOutcome(result, null);
    }

    public static SendOutcome refused(ChatProblem refusal) {
        return new SendOutcome(null, refusal);
    }

    /** Answers {@code request} with the result, or fails it with the refusal. */
    void answer(CommitLane.Request<SendCommand, SendResult> request) {
        if (refusal != null) {
            request.fail(refusal);
        } else {
            request.answer(result);
        }
    }
}

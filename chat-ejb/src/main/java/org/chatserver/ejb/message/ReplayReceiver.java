package org.chatserver.ejb.message;

import org.chatserver.ejb.problem.ChatProblem;

/**
 * Takes the answers of a {@code sync}, one per cursor and in the cursors' order, while the replay reads them: the
 * receiver can send a channel's messages before the next channel is read. Called on the replaying thread, inside
 * the replay's transaction, so it must only hand the answers on.
 */
public interface ReplayReceiver {

    /** The messages after the cursor of {@code replay.channel()}. */
    void replayed(Replay replay);

    /** The caller may not replay {@code channel}: {@code unknown_channel} or {@code not_member}. */
    void refused(String channel, ChatProblem problem);
}

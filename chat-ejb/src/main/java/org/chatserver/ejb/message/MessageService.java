package org.chatserver.ejb.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.chatserver.ejb.channel.ChannelAccess;
import org.chatserver.ejb.identity.Identity;
import org.chatserver.ejb.paging.PageLimit;
import org.chatserver.ejb.shard.WorkspaceShards;
import org.chatserver.ejb.problem.ChatProblem;
import org.chatserver.persistence.message.Message;
import org.chatserver.persistence.message.MessageRepository;

/**
 * Sending and reading messages; the entry point of the edges.
 *
 * <p>{@link #send} runs outside a transaction of its own: {@link GroupCommit} stores the message in a transaction
 * shared with the sends that arrived with it, and answers only after that transaction committed.
 */
@Stateless
public class MessageService {

    @Inject
    WorkspaceShards shards;

    @Inject
    GroupCommit groupCommit;

    @Inject
    ChannelAccess access;

    @Inject
    MessageRepository messages;

    @Inject
    SendRateLimiter rateLimiter;

    /**
     * Stores and commits a message; answers once it is durable.
     *
     * @throws ChatProblem {@code rate_limited} when the sender is over the send rate
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SendResult send(SendCommand command) {
        rateLimiter.acquire(command.sender());
        return groupCommit.send(command);
    }

    /**
     * A page of a channel's history for a member: the {@code limit} messages right after {@code afterSeq}, or right
     * before {@code beforeSeq}, or (with neither) the newest.
     *
     * @throws ChatProblem {@code bad_request} when both positions are given
     */
    public HistoryPage history(Identity caller, String channelId, Long afterSeq, Long beforeSeq, PageLimit limit) {
        if (afterSeq != null && beforeSeq != null) {
            throw ChatProblem.badRequest("give after_seq or before_seq, not both");
        }
        return shards.callIn(caller.workspace(), () -> {
            ChannelAccess.Visible channel = access.member(caller, channelId);
            if (afterSeq != null) {
                List<Message> rows = messages.after(channelId, afterSeq, limit.probe());
                return page(rows.subList(0, Math.min(limit.value(), rows.size())), rows.size() > limit.value());
            }
            long before = beforeSeq != null ? beforeSeq : channel.channel().lastSeq() + 1;
            List<Message> newestFirst = messages.beforeDescending(channelId, before, limit.probe());
            List<Message> rows = new ArrayList<>(newestFirst.subList(0, Math.min(limit.value(), newestFirst.size())));
            Collections.reverse(rows);
            return page(rows, newestFirst.size() > limit.value());
        });
    }

    /**
     * The {@code sync} replay of {@code cursors}, all on the caller's shard in one transaction whose first query checks
     * every channel at once: for each cursor in order, {@code receiver} gets the channel's messages after it (at most
     * {@link PageLimit#MAX}), or the reason the caller may not have them, before the next channel is read. A refused
     * channel does not stop the others.
     */
    public void replay(Identity caller, List<SyncCursor> cursors, ReplayReceiver receiver) {
        shards.runIn(caller.workspace(), () -> {
            ChannelAccess.FoundChannels found = access.membersOf(caller,
                    cursors.stream().map(SyncCursor::channel).toList());
            for (SyncCursor cursor : cursors) {
                ChannelAccess.Visible channel;
                try {
                    channel = found.member(caller, cursor.channel());
                } catch (ChatProblem refused) {
                    receiver.refused(cursor.channel(), refused);
                    continue;
                }
                receiver.replayed(replayAfter(channel, cursor));
            }
        });
    }

    private Replay replayAfter(ChannelAccess.Visible channel, SyncCursor cursor) {
        List<ChatMessage> replayed = messages.after(cursor.channel(), cursor.seq(), PageLimit.MAX).stream()
                .map(ChatMessage::of).toList();
        long through = replayed.isEmpty() ? cursor.seq() : replayed.get(replayed.size() - 1).seq();
        return new Replay(cursor.channel(), replayed, through, channel.channel().lastSeq());
    }

    private static HistoryPage page(List<Message> rows, boolean hasMore) {
        return new HistoryPage(rows.stream().map(ChatMessage::of).toList(), hasMore);
    }

    /** The messages of a channel with {@code afterSeq < seq <= throughSeq}: for servers, no membership check. */
    public List<ChatMessage> range(String workspace, String channelId, long afterSeq, long throughSeq) {
        return shards.callIn(workspace, () -> messages.after(channelId, afterSeq, (int) (throughSeq - afterSeq))
                .stream().map(ChatMessage::of).toList());
    }
}

package org.chatserver.ejb.message;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.chatserver.ejb.channel.ChannelAccess;
import org.chatserver.ejb.problem.ChatProblem;
import org.chatserver.persistence.message.Message;
import org.chatserver.persistence.message.MessageRepository;
import org.chatserver.persistence.outbox.OutboxEntry;
import org.chatserver.persistence.outbox.OutboxRepository;

/**
 * Appends a batch of messages to their channels in one transaction on the shard the caller selected.
 *
 * <p>The channel sequence: each channel row is locked, {@code last_seq + 1} is taken and the message stored at it, with
 * its outbox entry, in the same transaction, so the sequence is gap-free and an ack (given after this method returned,
 * i.e. after commit) means durable. Sends to one channel in one batch take consecutive {@code seq}s in the batch's
 * order. Fires {@link ChatMessage} as a CDI event; observers that must not run for a rolled-back send observe it after
 * success.
 */
@Stateless
public class MessageAppender {

    @Inject
    ChannelAccess access;

    @Inject
    MessageRepository messages;

    @Inject
    OutboxRepository outbox;

    @Inject
    Event<ChatMessage> committed;

    /**
     * Stores the commands' messages in order, all in this one transaction; a send the caller may not make is refused
     * and the others are stored all the same. The batch costs two queries (locks and memberships), one batched insert
     * each for messages and outbox entries, the updates of the channels' sequences and the senders' read cursors, and
     * one commit, however many sends it holds.
     *
     * <p>A repeat of a client message id is not looked up first: it fails the unique key at commit, which rolls back
     * the whole batch, and the caller then appends each send alone and answers the repeat with {@link #findEarlier}.
     * Repeats are rare (a client retrying an unanswered send), so every send saves the lookup's database round trip.
     */
    public List<SendOutcome> appendAll(List<SendCommand> commands) {
        Set<String> channelIds = new TreeSet<>();
        Set<String> senders = new HashSet<>();
        for (SendCommand command : commands) {
            channelIds.add(command.channelId());
            senders.add(command.sender().user());
        }
        ChannelAccess.FoundChannels targets = access.lockAllForAppend(channelIds, senders);
        List<SendOutcome> outcomes = new ArrayList<>(commands.size());
        for (SendCommand command : commands) {
            try {
                outcomes.add(SendOutcome.stored(append(command, targets.member(command.sender(),
                        command.channelId()))));
            } catch (ChatProblem refused) {
                outcomes.add(SendOutcome.refused(refused));
            }
        }
        return outcomes;
    }

    private SendResult append(SendCommand command, ChannelAccess.Visible target) {
        long seq = target.channel().nextSeq();
        long now = System.currentTimeMillis();
        Message message = new Message(target.channel().id(), seq, UUID.randomUUID().toString(),
                command.sender().workspace(), command.sender().user(), command.clientMsgId().value(),
                command.body().text(), now);
        messages.insert(message);
        outbox.insert(new OutboxEntry(message.channelId(), seq, now));
        target.membership().readUpTo(seq);
        committed.fire(ChatMessage.of(message));
        return new SendResult(message.id(), message.channelId(), seq, now, message.clientMsgId(), false);
    }

    /** The sender's message stored under the command's client message id, as a duplicate answer. */
    public Optional<SendResult> findEarlier(SendCommand command) {
        return messages.findByClientMsgId(command.sender().workspace(), command.sender().user(),
                command.clientMsgId().value())
                .map(m -> new SendResult(m.id(), m.channelId(), m.seq(), m.ts(), m.clientMsgId(), true));
    }
}

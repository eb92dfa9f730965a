package org.chatserver.ejb.message;

import java.util.Optional;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.chatserver.ejb.channel.ChannelAccess;
import org.chatserver.persistence.message.Message;
import org.chatserver.persistence.message.MessageRepository;
import org.chatserver.persistence.outbox.OutboxEntry;
import org.chatserver.persistence.outbox.OutboxRepository;

/**
 * Appends one message to its channel in one transaction on the shard the caller selected.
 *
 * <p>The channel sequence: the channel row is locked, {@code last_seq + 1} is taken and the message stored at it, with
 * its outbox entry, in the same transaction, so the sequence is gap-free and an ack (given after this method returned,
 * i.e. after commit) means durable. Fires {@link ChatMessage} as a CDI event; observers that must not run for a
 * rolled-back send observe it after success.
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
     * Stores the message. A repeat of a client message id is not looked up first: it fails the unique key at commit,
     * and the caller answers it with {@link #findEarlier}. Repeats are rare (a client retrying an unanswered send), so
     * every send saves the lookup's database round trip.
     */
    public SendResult append(SendCommand command) {
        ChannelAccess.Visible target = access.memberForAppend(command.sender(), command.channelId());
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

package org.chatserver.ejb.message;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.shard.WorkspaceDirectory;
import org.chatserver.persistence.shard.ShardContext;
import org.chatserver.persistence.shard.ShardId;

/**
 * Stores sends that arrive together in one transaction per shard lane, and answers each only after that transaction
 * committed: the ack still means durable, and under load one commit serves many sends.
 *
 * <p>Each shard has {@link ChatConfig#commitLanes()} lanes ({@link CommitLane}); a channel's sends always take the
 * same lane, so sends to one channel are stored in the order they arrived, and two batches of a node never lock the
 * same channel. A batch that rolls back (a repeated client message id failing the unique key, a deadlock with another
 * node, a lost connection) is not answered with its failure: each of its sends is stored again alone, and a repeat is
 * then answered with the message stored first. Thread-safe.
 */
@ApplicationScoped
public class GroupCommit {

    /** One lane of one shard. */
    private record LaneKey(ShardId shard, int lane) {
    }

    @Inject
    WorkspaceDirectory directory;

    @EJB
    MessageAppender appender;

    @Inject
    ChatConfig config;

    private final ConcurrentMap<LaneKey, CommitLane<SendCommand, SendResult>> lanes = new ConcurrentHashMap<>();

    /**
     * Stores the send with the others of its lane's next batch, and answers once it is committed.
     *
     * @throws org.chatserver.ejb.problem.ChatProblem when the sender may not send to the channel
     * @throws EJBException when the send could not be stored
     */
    public SendResult send(SendCommand command) {
        ShardId shard = directory.shardOf(command.sender().workspace());
        LaneKey key = new LaneKey(shard, Math.floorMod(command.channelId().hashCode(), config.commitLanes()));
        return lanes.computeIfAbsent(key, k -> new CommitLane<>(config.commitBatchMax()))
                .submit(command, batch -> commit(shard, batch));
    }

    private void commit(ShardId shard, List<CommitLane.Request<SendCommand, SendResult>> batch) {
        if (batch.size() == 1) {
            commitAlone(shard, batch.get(0));
            return;
        }
        List<SendOutcome> outcomes;
        try {
            outcomes = ShardContext.callIn(shard,
                    () -> appender.appendAll(batch.stream().map(CommitLane.Request::command).toList()));
        } catch (EJBException rolledBack) {
            batch.forEach(request -> commitAlone(shard, request));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            outcomes.get(i).answer(batch.get(i));
        }
    }

    private void commitAlone(ShardId shard, CommitLane.Request<SendCommand, SendResult> request) {
        SendCommand command = request.command();
        try {
            ShardContext.callIn(shard, () -> appender.appendAll(List.of(command))).get(0).answer(request);
        } catch (EJBException rolledBack) {
            // A repeated client message id fails the unique key; any other failure finds no earlier message.
            findEarlier(shard, command).ifPresentOrElse(request::answer, () -> request.fail(rolledBack));
        }
    }

    /** The message stored first under the command's client message id; none when it cannot be read either. */
    private Optional<SendResult> findEarlier(ShardId shard, SendCommand command) {
        try {
            return ShardContext.callIn(shard, () -> appender.findEarlier(command));
        } catch (EJBException unreadable) {
            return Optional.empty();
        }
    }
}

package org.chatserver.ejb.redis;

import java.util.Collection;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.fanout.NodeRoutingTable;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;

/**
 * The node routing table as Redis sets of node ids: one per channel ({@code chat:channel-nodes:<channel>}) and one
 * per user ({@code chat:user-nodes:<length of workspace>:<workspace>:<user>}).
 */
@ApplicationScoped
public class RedisNodeRoutingTable implements NodeRoutingTable {

    private static final String CHANNEL_NODES = RedisConnection.KEY_PREFIX + "channel-nodes:";
    private static final String USER_NODES = RedisConnection.KEY_PREFIX + "user-nodes:";

    @Inject
    RedisConnection redis;

    @Override
    public void addNode(String node, Collection<String> channels) {
        if (channels.isEmpty()) {
            return;
        }
        RBatch batch = redis.client().createBatch(BatchOptions.defaults());
        channels.forEach(channel -> batch.<String>getSet(CHANNEL_NODES + channel).addAsync(node));
        batch.execute();
    }

    @Override
    public void removeNode(String node, Collection<String> channels) {
        if (channels.isEmpty()) {
            return;
        }
        RBatch batch = redis.client().createBatch(BatchOptions.defaults());
        channels.forEach(channel -> batch.<String>getSet(CHANNEL_NODES + channel).removeAsync(node));
        batch.execute();
    }

    @Override
    public Set<String> nodesFor(String channel) {
        return redis.client().<String>getSet(CHANNEL_NODES + channel).readAll();
    }

    @Override
    public void addUserNode(String node, String workspace, String user) {
        redis.client().<String>getSet(userKey(workspace, user)).add(node);
    }

    @Override
    public void removeUserNode(String node, String workspace, String user) {
        redis.client().<String>getSet(userKey(workspace, user)).remove(node);
    }

    @Override
    public Set<String> nodesOfUser(String workspace, String user) {
        return redis.client().<String>getSet(userKey(workspace, user)).readAll();
    }

    /** Length-prefixed, so that no two (workspace, user) pairs share a key whatever characters their ids hold. */
    private static String userKey(String workspace, String user) {
        return USER_NODES + workspace.length() + ":" + workspace + ":" + user;
    }
}

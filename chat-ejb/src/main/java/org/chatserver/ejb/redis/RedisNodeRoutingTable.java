package org.chatserver.ejb.redis;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.fanout.NodeRoutingTable;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;

/**
 * The node routing table as Redis sets of node ids: one per channel ({@code chat:channel-nodes:<channel>}) and one
 * per user ({@code chat:user-nodes:<length of workspace>:<workspace>:<user>}); and, to forget a node, per node the
 * reverse: its channels ({@code chat:node-channels:<node>}) and its users' keys ({@code chat:node-users:<node>}).
 */
@ApplicationScoped
public class RedisNodeRoutingTable implements NodeRoutingTable {

    private static final String CHANNEL_NODES = RedisConnection.KEY_PREFIX + "channel-nodes:";
    private static final String USER_NODES = RedisConnection.KEY_PREFIX + "user-nodes:";
    private static final String NODE_CHANNELS = RedisConnection.KEY_PREFIX + "node-channels:";
    private static final String NODE_USERS = RedisConnection.KEY_PREFIX + "node-users:";

    @Inject
    RedisConnection redis;

    @Override
    public void addNode(String node, Collection<String> channels) {
        if (channels.isEmpty()) {
            return;
        }
        RBatch batch = redis.client().createBatch(BatchOptions.defaults());
        channels.forEach(channel -> batch.<String>getSet(CHANNEL_NODES + channel).addAsync(node));
        batch.<String>getSet(NODE_CHANNELS + node).addAllAsync(channels);
        batch.execute();
    }

    @Override
    public void removeNode(String node, Collection<String> channels) {
        if (channels.isEmpty()) {
            return;
        }
        RBatch batch = redis.client().createBatch(BatchOptions.defaults());
        channels.forEach(channel -> batch.<String>getSet(CHANNEL_NODES + channel).removeAsync(node));
        batch.<String>getSet(NODE_CHANNELS + node).removeAllAsync(channels);
        batch.execute();
    }

    @Override
    public Set<String> nodesFor(String channel) {
        return redis.client().<String>getSet(CHANNEL_NODES + channel).readAll();
    }

    @Override
    public Map<String, Set<String>> nodesFor(Collection<String> channels) {
        List<String> ordered = List.copyOf(channels);
        if (ordered.isEmpty()) {
            return Map.of();
        }
        RBatch batch = redis.client().createBatch(BatchOptions.defaults());
        ordered.forEach(channel -> batch.<String>getSet(CHANNEL_NODES + channel).readAllAsync());
        List<?> responses = batch.execute().getResponses();
        Map<String, Set<String>> nodes = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            @SuppressWarnings("unchecked")
            Set<String> channelNodes = (Set<String>) responses.get(i);
            nodes.put(ordered.get(i), channelNodes);
        }
        return nodes;
    }

    @Override
    public void forgetNode(String node) {
        Set<String> channels = redis.client().<String>getSet(NODE_CHANNELS + node).readAll();
        Set<String> userKeys = redis.client().<String>getSet(NODE_USERS + node).readAll();
        RBatch batch = redis.client().createBatch(BatchOptions.defaults());
        channels.forEach(channel -> batch.<String>getSet(CHANNEL_NODES + channel).removeAsync(node));
        userKeys.forEach(userKey -> batch.<String>getSet(userKey).removeAsync(node));
        batch.getSet(NODE_CHANNELS + node).deleteAsync();
        batch.getSet(NODE_USERS + node).deleteAsync();
        batch.execute();
    }

    @Override
    public void addUserNode(String node, String workspace, String user) {
        RBatch batch = redis.client().createBatch(BatchOptions.defaults());
        batch.<String>getSet(userKey(workspace, user)).addAsync(node);
        batch.<String>getSet(NODE_USERS + node).addAsync(userKey(workspace, user));
        batch.execute();
    }

    @Override
    public void removeUserNode(String node, String workspace, String user) {
        RBatch batch = redis.client().createBatch(BatchOptions.defaults());
        batch.<String>getSet(userKey(workspace, user)).removeAsync(node);
        batch.<String>getSet(NODE_USERS + node).removeAsync(userKey(workspace, user));
        batch.execute();
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

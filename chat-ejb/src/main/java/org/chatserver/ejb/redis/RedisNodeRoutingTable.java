package org.chatserver.ejb.redis;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.fanout.NodeRoutingTable;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RTopic;
import org.redisson.api.listener.StatusListener;

/**
 * The node routing table as Redis sets of node ids: one per channel ({@code chat:channel-nodes:<channel>}) and one
 * per user ({@code chat:user-nodes:<length of workspace>:<workspace>:<user>}); and, to forget a node, per node the
 * reverse: its channels ({@code chat:node-channels:<node>}) and its users' keys ({@code chat:node-users:<node>}).
 *
 * <p>A channel's nodes are read for every message fanned out, so each node keeps what it read for
 * {@code chat.routing.cache-ms} ({@link ChannelNodesCache}; at 2,000 messages per second the read per message was
 * about 6 % of the node's CPU and most of Redis's). Every change of a channel's nodes is followed, once stored, by its
 * invalidation: on this node at once, on the others over the topic {@code chat:routing-changed} (the changed channel
 * ids, one per line). So this node sees its own changes at once, and another node's after the moment the topic takes
 * to reach it (before the cache, at once): within the staleness {@link NodeRoutingTable} allows. A lost invalidation
 * (Redis reconnecting) lasts one cache lifetime at most, and the cache is dropped whole when the topic is subscribed
 * again. Thread-safe.
 */
@ApplicationScoped
public class RedisNodeRoutingTable implements NodeRoutingTable {

    private static final String CHANNEL_NODES = RedisConnection.KEY_PREFIX + "channel-nodes:";
    private static final String USER_NODES = RedisConnection.KEY_PREFIX + "user-nodes:";
    private static final String NODE_CHANNELS = RedisConnection.KEY_PREFIX + "node-channels:";
    private static final String NODE_USERS = RedisConnection.KEY_PREFIX + "node-users:";
    private static final String ROUTING_CHANGED = RedisConnection.KEY_PREFIX + "routing-changed";
    private static final String CHANNEL_SEPARATOR = "\n";

    @Inject
    RedisConnection redis;

    @Inject
    ChatConfig config;

    private ChannelNodesCache cache;
    private int changeListener;
    private int statusListener;

    @PostConstruct
    void subscribe() {
        cache = new ChannelNodesCache(TimeUnit.MILLISECONDS.toNanos(config.routingCacheMs()));
        changeListener = changes().addListener(String.class,
                (topic, channels) -> cache.invalidate(Arrays.asList(channels.split(CHANNEL_SEPARATOR))));
        statusListener = changes().addListener(new StatusListener() {
            @Override
            public void onSubscribe(String topic) {
                cache.invalidateAll();
            }

            @Override
            public void onUnsubscribe(String topic) {
                cache.invalidateAll();
            }
        });
    }

    @PreDestroy
    void unsubscribe() {
        changes().removeListener(changeListener, statusListener);
    }

    @Override
    public void addNode(String node, Collection<String> channels) {
        if (channels.isEmpty()) {
            return;
        }
        RBatch batch = redis.client().createBatch(BatchOptions.defaults());
        Map<String, RFuture<Boolean>> added = new HashMap<>();
        channels.forEach(channel -> added.put(channel, batch.<String>getSet(CHANNEL_NODES + channel).addAsync(node)));
        batch.<String>getSet(NODE_CHANNELS + node).addAllAsync(channels);
        batch.execute();
        changed(added);
    }

    @Override
    public void removeNode(String node, Collection<String> channels) {
        if (channels.isEmpty()) {
            return;
        }
        RBatch batch = redis.client().createBatch(BatchOptions.defaults());
        Map<String, RFuture<Boolean>> removed = new HashMap<>();
        channels.forEach(channel -> removed.put(channel,
                batch.<String>getSet(CHANNEL_NODES + channel).removeAsync(node)));
        batch.<String>getSet(NODE_CHANNELS + node).removeAllAsync(channels);
        batch.execute();
        changed(removed);
    }

    @Override
    public Set<String> nodesFor(String channel) {
        return cache.nodesFor(channel, System.nanoTime(),
                key -> redis.client().<String>getSet(CHANNEL_NODES + key).readAll());
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
        Map<String, RFuture<Boolean>> removed = new HashMap<>();
        channels.forEach(channel -> removed.put(channel,
                batch.<String>getSet(CHANNEL_NODES + channel).removeAsync(node)));
        userKeys.forEach(userKey -> batch.<String>getSet(userKey).removeAsync(node));
        batch.getSet(NODE_CHANNELS + node).deleteAsync();
        batch.getSet(NODE_USERS + node).deleteAsync();
        batch.execute();
        changed(removed);
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

    /**
     * Invalidates the cached nodes of the channels whose set the executed batch changed (a re-assertion changes
     * none), here at once and on the other nodes over the topic.
     */
    private void changed(Map<String, RFuture<Boolean>> results) {
        List<String> channels = results.entrySet().stream()
                .filter(result -> result.getValue().toCompletableFuture().join())
                .map(Map.Entry::getKey)
                .toList();
        if (channels.isEmpty()) {
            return;
        }
        cache.invalidate(channels);
        changes().publish(String.join(CHANNEL_SEPARATOR, channels));
    }

    private RTopic changes() {
        return redis.client().getTopic(ROUTING_CHANGED);
    }

    /** Length-prefixed, so that no two (workspace, user) pairs share a key whatever characters their ids hold. */
    private static String userKey(String workspace, String user) {
        return USER_NODES + workspace.length() + ":" + workspace + ":" + user;
    }
}

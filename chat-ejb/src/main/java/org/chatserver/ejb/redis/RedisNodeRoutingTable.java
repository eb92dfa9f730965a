package org.chatserver.ejb.redis;

import java.util.Collection;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.fanout.NodeRoutingTable;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;

/** The node routing table as one Redis set of node ids per channel ({@code chat:channel-nodes:<channel>}). */
@ApplicationScoped
public class RedisNodeRoutingTable implements NodeRoutingTable {

    private static final String CHANNEL_NODES = RedisConnection.KEY_PREFIX + "channel-nodes:";

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
}

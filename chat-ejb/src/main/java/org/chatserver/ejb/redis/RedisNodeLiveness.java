package org.chatserver.ejb.redis;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.gateway.NodeLiveness;
import org.redisson.api.RScoredSortedSet;

/**
 * Node liveness as one Redis sorted set {@code chat:nodes}: node id scored by the time of its last beat (epoch ms,
 * the nodes' clocks, which a cluster keeps in step). Claiming a dead node is removing it from the set, which only
 * one caller can do.
 */
@ApplicationScoped
public class RedisNodeLiveness implements NodeLiveness {

    private static final String NODES = RedisConnection.KEY_PREFIX + "nodes";

    @Inject
    RedisConnection redis;

    @Override
    public void beat(String node) {
        nodes().add(System.currentTimeMillis(), node);
    }

    @Override
    public List<String> claimDead(long ttlMs) {
        List<String> claimed = new ArrayList<>();
        for (String node : nodes().valueRange(Double.NEGATIVE_INFINITY, true,
                System.currentTimeMillis() - ttlMs, true)) {
            if (nodes().remove(node)) {
                claimed.add(node);
            }
        }
        return claimed;
    }

    private RScoredSortedSet<String> nodes() {
        return redis.client().getScoredSortedSet(NODES);
    }
}

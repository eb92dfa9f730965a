package org.chatserver.ejb.redis;

import java.time.Duration;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.fanout.FanoutPositions;

/**
 * Fan-out positions as Redis strings ({@code chat:fanned:<channel>}), expiring after a week without traffic: a quiet
 * channel's position is not worth keeping (its next message fills at most a bounded gap).
 */
@ApplicationScoped
public class RedisFanoutPositions implements FanoutPositions {

    private static final String POSITIONS = RedisConnection.KEY_PREFIX + "fanned:";
    private static final Duration KEEP = Duration.ofDays(7);

    @Inject
    RedisConnection redis;

    @Override
    public OptionalLong load(String channel) {
        String stored = redis.client().<String>getBucket(POSITIONS + channel).get();
        return stored == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(stored));
    }

    @Override
    public void save(String channel, long seq) {
        redis.client().<String>getBucket(POSITIONS + channel).setAsync(Long.toString(seq), KEEP);
    }
}

package org.chatserver.ejb.redis;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.typing.TypingThrottle;

/**
 * The typing throttle as one Redis key per user and channel, {@code chat:typing:<channel>:<length of
 * workspace>:<workspace>:<user>}, set only if absent with the interval as its expiry (SET NX PX): the signal that sets
 * it passes.
 */
@ApplicationScoped
public class RedisTypingThrottle implements TypingThrottle {

    private static final String TYPING = RedisConnection.KEY_PREFIX + "typing:";

    @Inject
    RedisConnection redis;

    @Override
    public boolean admit(String workspace, String user, String channel, Duration interval) {
        String key = TYPING + channel + ":" + workspace.length() + ":" + workspace + ":" + user;
        return redis.client().<String>getBucket(key).setIfAbsent("1", interval);
    }
}

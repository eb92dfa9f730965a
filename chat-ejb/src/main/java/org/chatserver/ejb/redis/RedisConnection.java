package org.chatserver.ejb.redis;

import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.config.ChatConfig;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * The node's one Redisson client, opened at start-up and closed at shutdown. Redisson reconnects by itself when
 * Redis restarts. Thread-safe (Redisson clients are).
 */
@ApplicationScoped
public class RedisConnection {

    private static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());

    /** Keys of this application start with it, so they never collide with others' in a shared Redis. */
    static final String KEY_PREFIX = "chat:";

    /** A Redis restart must not strand commands for long: clients fall back to sync on missed frames. */
    private static final int TIMEOUT_MS = 3_000;
    private static final int RETRY_ATTEMPTS = 2;

    @Inject
    ChatConfig config;

    private RedissonClient client;

    @PostConstruct
    void open() {
        Config redisson = new Config();
        redisson.setCodec(StringCodec.INSTANCE);
        redisson.useSingleServer()
                .setAddress(config.redisAddress())
                .setTimeout(TIMEOUT_MS)
                .setRetryAttempts(RETRY_ATTEMPTS);
        client = Redisson.create(redisson);
        LOG.info(() -> "Connected to Redis at " + config.redisAddress());
    }

    @PreDestroy
    void close() {
        client.shutdown();
    }

    RedissonClient client() {
        return client;
    }
}

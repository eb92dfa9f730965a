package org.chatserver.ejb.redis;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.message.SharedRateBuckets;
import org.redisson.api.RScript;
import org.redisson.client.codec.StringCodec;

/**
 * Cluster-wide token buckets as Redis hashes ({@code chat:rate:<key>} with {@code tokens} and {@code ts} in
 * milliseconds), each taken from atomically by one Lua script that refills by Redis's own clock (so nodes' clocks
 * need not agree). A bucket expires once it would be full again: idle users cost Redis nothing. Thread-safe.
 */
@ApplicationScoped
public class RedisRateBuckets implements SharedRateBuckets {

    private static final String BUCKETS = RedisConnection.KEY_PREFIX + "rate:";
    private static final long MILLIS_PER_SECOND = 1_000;
    private static final long MICROS_PER_MILLI = 1_000;

    /** KEYS[1] the bucket; ARGV rate per second, burst, expiry in ms, tokens wanted. Answers how many were taken. */
    private static final String TAKE = String.join("\n",
            "local clock = redis.call('TIME')",
            "local now = tonumber(clock[1]) * " + MILLIS_PER_SECOND + " + math.floor(tonumber(clock[2]) / "
                    + MICROS_PER_MILLI + ")",
            "local rate = tonumber(ARGV[1])",
            "local burst = tonumber(ARGV[2])",
            "local stored = redis.call('HMGET', KEYS[1], 'tokens', 'ts')",
            "local tokens = tonumber(stored[1]) or burst",
            "local ts = tonumber(stored[2]) or now",
            "if now > ts then",
            "  tokens = math.min(burst, tokens + (now - ts) * rate / " + MILLIS_PER_SECOND + ")",
            "  ts = now",
            "end",
            "local taken = math.min(tonumber(ARGV[4]), math.floor(tokens))",
            "tokens = tokens - taken",
            "redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(ts))",
            "redis.call('PEXPIRE', KEYS[1], ARGV[3])",
            "return taken");

    @Inject
    RedisConnection redis;

    @Override
    public int take(String key, double ratePerSecond, int burst, int wanted) {
        long refillMs = (long) Math.ceil(burst * MILLIS_PER_SECOND / ratePerSecond);
        Long taken = redis.client().getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, TAKE,
                RScript.ReturnType.INTEGER, List.of(BUCKETS + key), Double.toString(ratePerSecond),
                Integer.toString(burst), Long.toString(Math.max(1, refillMs)), Integer.toString(wanted));
        return taken == null ? 0 : taken.intValue();
    }
}

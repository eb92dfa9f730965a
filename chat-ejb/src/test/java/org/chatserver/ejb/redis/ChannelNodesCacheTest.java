package org.chatserver.ejb.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class ChannelNodesCacheTest {

    private static final long TTL = 1_000_000_000L;

    private final Map<String, Set<String>> stored = new ConcurrentHashMap<>(Map.of("c1", Set.of("a")));
    private final AtomicInteger reads = new AtomicInteger();
    private final Function<String, Set<String>> redis = channel -> {
        reads.incrementAndGet();
        return stored.getOrDefault(channel, Set.of());
    };
    private final ChannelNodesCache cache = new ChannelNodesCache(TTL);

    @Test
    void aFreshEntryIsServedWithoutReadingAgain() {
        assertEquals(Set.of("a"), cache.nodesFor("c1", 0, redis));
        assertEquals(Set.of("a"), cache.nodesFor("c1", TTL - 1, redis));
        assertEquals(1, reads.get());
    }

    @Test
    void anExpiredEntryIsReadAgain() {
        cache.nodesFor("c1", 0, redis);
        stored.put("c1", Set.of("a", "b"));

        assertEquals(Set.of("a", "b"), cache.nodesFor("c1", TTL, redis), "a missed change lasts one lifetime at most");
    }

    @Test
    void anInvalidatedEntryIsReadAgainAtOnceAndTheOthersAreKept() {
        cache.nodesFor("c1", 0, redis);
        cache.nodesFor("c2", 0, redis);
        stored.put("c1", Set.of("a", "b"));
        cache.invalidate(List.of("c1"));

        assertEquals(Set.of("a", "b"), cache.nodesFor("c1", 1, redis));
        cache.nodesFor("c2", 1, redis);
        assertEquals(3, reads.get(), "c1 twice, c2 once");
    }

    @Test
    void aReadUnderWayDuringAnInvalidationIsAnsweredButNotKept() {
        Function<String, Set<String>> racing = channel -> {
            Set<String> before = redis.apply(channel);
            stored.put("c1", Set.of("a", "b"));
            cache.invalidate(List.of("c1"));
            return before;
        };

        assertEquals(Set.of("a"), cache.nodesFor("c1", 0, racing), "the read's own answer");
        assertEquals(Set.of("a", "b"), cache.nodesFor("c1", 1, redis), "the old answer was not kept");
    }

    @Test
    void invalidatingEverythingDropsEveryEntry() {
        cache.nodesFor("c1", 0, redis);
        cache.nodesFor("c2", 0, redis);
        cache.invalidateAll();

        cache.nodesFor("c1", 1, redis);
        cache.nodesFor("c2", 1, redis);
        assertEquals(4, reads.get());
    }
}

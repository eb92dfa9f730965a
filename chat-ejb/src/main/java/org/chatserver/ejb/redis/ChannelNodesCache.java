package org.chatserver.ejb.redis;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * This node's copy of the routing table's channel entries it read lately, so that fanning out a busy channel's
 * messages does not read the same Redis set for every message.
 *
 * <p>Contract: an entry is served for at most {@code ttlNanos} after its read began. An invalidation drops the
 * entries it names at once, and a read under way while any invalidation happened is answered but not kept, since it
 * may predate the change. Whoever changes an entry invalidates it after the change is stored, here and on every
 * other node, so a read that starts after the invalidation sees the change; the time to live bounds how long a lost
 * invalidation can leave an entry stale. Expired entries are dropped now and then, so memory follows the channels
 * with traffic. Time comes from the caller (nanoseconds from any fixed origin). Thread-safe.
 */
final class ChannelNodesCache {

    /** How many reads pass between two sweeps of expired entries. */
    private static final long SWEEP_EVERY = 10_000;

    /** A set of nodes as read, and when its read began. */
    private record Entry(Set<String> nodes, long readNanos) {
    }

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong invalidations = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private final long ttlNanos;

    ChannelNodesCache(long ttlNanos) {
        this.ttlNanos = ttlNanos;
    }

    /** The nodes of {@code channel}: the kept entry while it is fresh, else what {@code reader} reads now. */
    Set<String> nodesFor(String channel, long nowNanos, Function<String, Set<String>> reader) {
        if (reads.incrementAndGet() % SWEEP_EVERY == 0) {
            entries.values().removeIf(entry -> !isFresh(entry, nowNanos));
        }
        Entry kept = entries.get(channel);
        if (kept != null && isFresh(kept, nowNanos)) {
            return kept.nodes();
        }
        long before = invalidations.get();
        Set<String> nodes = Set.copyOf(reader.apply(channel));
        if (invalidations.get() == before) {
            Entry read = new Entry(nodes, nowNanos);
            entries.put(channel, read);
            // An invalidation between the check and the put would otherwise leave this read kept.
            if (invalidations.get() != before) {
                entries.remove(channel, read);
            }
        }
        return nodes;
    }

    /** Drops the entries of {@code channels}, and keeps no read that was under way. */
    void invalidate(Collection<String> channels) {
        invalidations.incrementAndGet();
        channels.forEach(entries::remove);
    }

    /** Drops every entry, and keeps no read that was under way: invalidations may have been missed. */
    void invalidateAll() {
        invalidations.incrementAndGet();
        entries.clear();
    }

    private boolean isFresh(Entry entry, long nowNanos) {
        return nowNanos - entry.readNanos() < ttlNanos;
    }
}

package org.chatserver.persistence.shard;

import java.util.concurrent.Callable;

/**
 * The shard the current thread's next transaction works on.
 *
 * <p>Set it around the work of one transaction with {@link #callIn}; Hibernate reads it (through
 * {@link ShardTenantResolver}) when the transaction first uses the entity manager, and keeps that shard until the
 * transaction ends. Calls nest: the previous selection is restored afterwards, so a directory look-up made in its own
 * transaction from inside shard work does not disturb it. Thread-confined.
 */
public final class ShardContext {

    private static final ThreadLocal<ShardId> CURRENT = new ThreadLocal<>();

    private ShardContext() {
    }

    /** Runs {@code work} with {@code shard} selected, restoring the previous selection afterwards. */
    public static <T> T callIn(ShardId shard, Callable<T> work) {
        ShardId previous = CURRENT.get();
        CURRENT.set(shard);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Runs {@code work} with {@code shard} selected. */
    public static void runIn(ShardId shard, Runnable work) {
        callIn(shard, () -> {
            work.run();
            return null;
        });
    }

    /** The selected shard, or {@code null} when none is. */
    static ShardId current() {
        return CURRENT.get();
    }
}

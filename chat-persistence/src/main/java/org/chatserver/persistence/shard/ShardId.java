package org.chatserver.persistence.shard;

/**
 * A database of the cluster: the directory, or one of the numbered shards.
 *
 * <p>The tenant identifier is what Hibernate sees; the JNDI name is where the datasource is bound (the pools are
 * created by server-config: {@code jdbc/chat/directory}, {@code jdbc/chat/shard-0} ...). Immutable.
 */
public record ShardId(String tenant) {

    /** The directory database: workspace to shard placement. */
    public static final ShardId DIRECTORY = new ShardId("directory");

    private static final String SHARD_PREFIX = "shard-";
    private static final String JNDI_PREFIX = "jdbc/chat/";

    public ShardId {
        if (!tenant.equals("directory") && !tenant.matches(SHARD_PREFIX + "\\d+")) {
            throw new IllegalArgumentException("not a shard tenant: " + tenant);
        }
    }

    /** The numbered shard {@code index} (0-based). */
    public static ShardId shard(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("shard index must be >= 0: " + index);
        }
        return new ShardId(SHARD_PREFIX + index);
    }

    /** The JNDI name of this database's datasource. */
    public String jndiName() {
        return JNDI_PREFIX + tenant;
    }

    @Override
    public String toString() {
        return tenant;
    }
}

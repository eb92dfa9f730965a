package org.chatserver.persistence.shard;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Brings a database's schema up to date with Flyway: the directory has its own migrations, every shard the same.
 *
 * <p>Run outside any JTA transaction: Flyway manages its own connections and DDL commits implicitly in MySQL.
 * Migrations are idempotent across nodes (Flyway locks its history table), so every node may run them at start-up.
 */
public final class SchemaMigrations {

    private static final String DIRECTORY_LOCATION = "classpath:db/directory";
    private static final String SHARD_LOCATION = "classpath:db/shard";

    private SchemaMigrations() {
    }

    /** Migrates {@code dataSource}, which backs {@code database}; answers how many migrations were applied. */
    public static int migrate(ShardId database, DataSource dataSource) {
        String location = ShardId.DIRECTORY.equals(database) ? DIRECTORY_LOCATION : SHARD_LOCATION;
        return Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(location)
                .load()
                .migrate()
                .migrationsExecuted;
    }
}

package org.chatserver.ejb.shard;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.persistence.shard.SchemaMigrations;
import org.chatserver.persistence.shard.ShardId;

/**
 * Migrates the directory and every shard before the application takes traffic.
 *
 * <p>Hibernate cannot create schemas per tenant, so Flyway does it, outside any JTA transaction (DDL commits
 * implicitly). A database that cannot be migrated fails the deployment: serving on a stale schema would corrupt data.
 */
@Singleton
@Startup
public class SchemaMigrationStartup {

    private static final Logger LOG = Logger.getLogger(SchemaMigrationStartup.class.getName());

    @Inject
    ChatConfig config;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrateAll() {
        List<ShardId> databases = new ArrayList<>();
        databases.add(ShardId.DIRECTORY);
        for (int i = 0; i < config.shardCount(); i++) {
            databases.add(ShardId.shard(i));
        }
        for (ShardId database : databases) {
            int applied = SchemaMigrations.migrate(database, dataSource(database));
            LOG.info(() -> "Schema of " + database + " is current (" + applied + " migrations applied now)");
        }
    }

    private static DataSource dataSource(ShardId database) {
        try {
            return (DataSource) new InitialContext().lookup(database.jndiName());
        } catch (NamingException e) {
            throw new IllegalStateException("No datasource bound at " + database.jndiName()
                    + ": create the pools with server-config's commands", e);
        }
    }
}

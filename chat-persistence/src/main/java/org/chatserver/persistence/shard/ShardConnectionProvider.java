package org.chatserver.persistence.shard;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;

/**
 * Hands Hibernate the connection of a shard's datasource, looked up in JNDI once and cached.
 *
 * <p>The datasources are the application server's pools ({@link ShardId#jndiName()}), so connections take part in the
 * JTA transaction. Thread-safe: the cache is a concurrent map of immutable look-ups.
 */
public class ShardConnectionProvider implements MultiTenantConnectionProvider<String> {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, DataSource> dataSources = new ConcurrentHashMap<>();

    @Override
    public Connection getAnyConnection() throws SQLException {
        return dataSource(ShardId.DIRECTORY.tenant()).getConnection();
    }

    @Override
    public void releaseAnyConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public Connection getConnection(String tenant) throws SQLException {
        return dataSource(tenant).getConnection();
    }

    @Override
    public void releaseConnection(String tenant, Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public boolean supportsAggressiveRelease() {
        // A transaction keeps its connection: see hibernate.connection.handling_mode in persistence.xml.
        return false;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
        return false;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException("not unwrappable: " + type);
    }

    private DataSource dataSource(String tenant) throws SQLException {
        if (ShardTenantResolver.NO_SHARD.equals(tenant)) {
            throw new SQLException("A transaction used the database without selecting a shard (ShardContext)");
        }
        try {
            return dataSources.computeIfAbsent(tenant, ShardConnectionProvider::lookUp);
        } catch (IllegalStateException e) {
            throw new SQLException(e.getMessage(), e.getCause());
        }
    }

    private static DataSource lookUp(String tenant) {
        String name = new ShardId(tenant).jndiName();
        try {
            return (DataSource) new InitialContext().lookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException("No datasource bound at " + name, e);
        }
    }
}

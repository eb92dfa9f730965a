package org.chatserver.persistence.shard;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Tells Hibernate which shard a new session belongs to, from {@link ShardContext}.
 *
 * <p>A session opened with no shard selected is a programming error (it would silently write to some default
 * database), so the resolver answers a tenant that {@link ShardConnectionProvider} refuses with a clear message.
 * Thread-safe: stateless.
 */
public class ShardTenantResolver implements CurrentTenantIdentifierResolver<String> {

    /** The tenant of a session opened outside {@link ShardContext}; never backed by a datasource. */
    static final String NO_SHARD = "no-shard-selected";

    @Override
    public String resolveCurrentTenantIdentifier() {
        ShardId shard = ShardContext.current();
        return shard == null ? NO_SHARD : shard.tenant();
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        // Container-managed entity managers do not use Hibernate's current-session context.
        return false;
    }
}

/**
 * Shard routing: which database a transaction talks to, and the schema migrations of every database.
 *
 * <p>Hibernate binds the tenant (here: the shard) to a session when the session opens, and a container-managed
 * entity manager opens one session per JTA transaction. So the shard is fixed for a whole transaction, silently: work
 * on a second shard needs a second transaction. {@link org.chatserver.persistence.shard.ShardContext} makes the choice
 * explicit and fails loudly when a transaction touches the entity manager without one.
 */
package org.chatserver.persistence.shard;

/**
 * The data layer: JPA entities, repositories and the shard routing of ARCHITECTURE.md.
 *
 * <p>Data is sharded by workspace. A small directory database maps each workspace to one shard; every shard is a
 * MariaDB/MySQL database with the same schema. One Hibernate persistence unit ({@code chat}) spans them through
 * multi-tenancy, one tenant per datasource: a JTA transaction works on exactly one shard, chosen with
 * {@link org.chatserver.persistence.shard.ShardContext} before the transaction first touches the entity manager.
 * Repositories must be called inside a transaction whose shard is already selected.
 */
package org.chatserver.persistence;

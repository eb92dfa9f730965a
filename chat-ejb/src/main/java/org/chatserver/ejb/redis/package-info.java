/**
 * The Redis adapters (Redisson): connect tickets, the node routing table, the node message bus and the cluster-wide
 * send rate buckets.
 *
 * <p>Redis holds only what can be rebuilt (ARCHITECTURE.md): losing it loses no message. Keys are prefixed
 * {@code chat:}; every value is a plain string (StringCodec), so what is stored can be read with redis-cli.
 */
package org.chatserver.ejb.redis;

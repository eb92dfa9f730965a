/**
 * Which shard holds a workspace (the directory, cached on every node) and the schema migrations of all databases at
 * start-up.
 */
package org.chatserver.ejb.shard;

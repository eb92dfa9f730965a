/** Workspaces (tenants) and their placement on shards. */
package org.chatserver.persistence.workspace;

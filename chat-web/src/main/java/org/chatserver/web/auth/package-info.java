/**
 * Authentication at the edge: the caller of a REST request from its RS256 JWT verified by MicroProfile JWT, the built-in
 * token issuer, and the one-time tickets that authorise WebSocket upgrades.
 */
package org.chatserver.web.auth;

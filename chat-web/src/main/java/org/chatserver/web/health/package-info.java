/** Liveness for load balancers and the local stack's readiness check. */
package org.chatserver.web.health;

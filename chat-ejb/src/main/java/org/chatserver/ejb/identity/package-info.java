/**
 * Who is calling: the identity a verified token names, its provisioning on first use, and the one-time tickets that
 * authorise WebSocket upgrades.
 */
package org.chatserver.ejb.identity;

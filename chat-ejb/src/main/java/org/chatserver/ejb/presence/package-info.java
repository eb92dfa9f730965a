/**
 * Presence: online, away and offline per user, kept in a {@link org.chatserver.ejb.presence.PresenceStore} with a
 * TTL that each node renews for its users in one batch per refresh interval, announced only on transitions.
 *
 * <p>Who hears a transition: the connections of the other members of the user's channels; in channels over
 * {@code chat.presence.large-channel-members} members, only connections viewing the channel. Each connection gets at
 * most one frame per user per {@code chat.presence.coalesce-ms}
 * ({@link org.chatserver.ejb.presence.PresenceCoalescer}), so a storm of connections costs each client at most one frame per user per window, with the latest state.
 */
package org.chatserver.ejb.presence;

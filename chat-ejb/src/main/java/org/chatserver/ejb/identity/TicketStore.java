package org.chatserver.ejb.identity;

import java.time.Duration;
import java.util.Optional;

/** Where connect tickets wait to be redeemed, shared by all nodes (a client may upgrade on any node). */
public interface TicketStore {

    /** Keeps {@code identity} under {@code ticket} for {@code ttl}. */
    void put(String ticket, Identity identity, Duration ttl);

    /** Removes and answers the identity under {@code ticket}, atomically; empty when there is none. */
    Optional<Identity> take(String ticket);
}

package org.chatserver.ejb.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.config.ChatConfig;

/**
 * One-time tickets for WebSocket upgrades (browsers cannot set an Authorization header on an upgrade).
 *
 * <p>Contract: a ticket is 256 random bits, valid for {@code chat.ws.ticket-ttl-seconds} and for one upgrade only:
 * redeeming it removes it atomically, so two upgrades racing with the same ticket cannot both succeed. Thread-safe.
 */
@ApplicationScoped
public class ConnectTickets {

    private static final int TICKET_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    @Inject
    TicketStore store;

    @Inject
    ChatConfig config;

    /** Issues a ticket for {@code identity}. */
    public String issue(Identity identity) {
        byte[] bytes = new byte[TICKET_BYTES];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.put(ticket, identity, config.ticketTtl());
        return ticket;
    }

    /** The identity of a valid ticket, consuming it; empty for a missing, expired, reused or forged ticket. */
    public Optional<Identity> redeem(String ticket) {
        if (ticket == null || ticket.isEmpty() || ticket.length() > 2 * TICKET_BYTES) {
            return Optional.empty();
        }
        return store.take(ticket);
    }

    public long ttlMillis() {
        return config.ticketTtl().toMillis();
    }
}

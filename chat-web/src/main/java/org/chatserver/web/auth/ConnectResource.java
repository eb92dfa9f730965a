package org.chatserver.web.auth;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.chatserver.ejb.identity.ConnectTickets;

/** {@code POST /ws/connect}: a one-time ticket for a WebSocket upgrade, and the URL to use it on. */
@Path("ws/connect")
@Authenticated
public class ConnectResource {

    /** The answer: where to connect, the ticket, and how long it stays valid. */
    public record ConnectTicket(String url, String ticket, long expiresInMs) {
    }

    @Inject
    Caller caller;

    @Inject
    ConnectTickets tickets;

    @Context
    UriInfo uri;

    @PermitAll
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public ConnectTicket connect() {
        String ticket = tickets.issue(caller.identity());
        URI base = uri.getBaseUri();
        String scheme = "https".equals(base.getScheme()) ? "wss" : "ws";
        String url = scheme + "://" + base.getAuthority() + "/ws?ticket=" + ticket;
        return new ConnectTicket(url, ticket, tickets.ttlMillis());
    }
}

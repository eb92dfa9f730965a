package org.chatserver.web.auth;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.chatserver.ejb.identity.Identity;

/** {@code GET /me}: who the token says the caller is. */
@Path("me")
@Authenticated
public class MeResource {

    @Inject
    Caller caller;

    @PermitAll
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Identity me() {
        return caller.identity();
    }
}

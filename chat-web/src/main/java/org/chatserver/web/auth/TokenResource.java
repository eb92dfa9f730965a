package org.chatserver.web.auth;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.chatserver.ejb.identity.Identity;
import org.chatserver.ejb.identity.IdentityService;
import org.chatserver.ejb.identity.TokenIssuer;
import org.chatserver.web.wire.JsonFields;

/**
 * {@code POST /auth/token}: the built-in issuer, for local development and tests. Answers 404 unless
 * {@code chat.auth.issuer.enabled} is true (the production configuration leaves it off).
 */
@Path("auth/token")
public class TokenResource {

    @Inject
    TokenIssuer issuer;

    @Inject
    IdentityService identities;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public TokenIssuer.IssuedToken issue(JsonObject body) {
        if (!issuer.enabled()) {
            throw new NotFoundException();
        }
        JsonObject request = JsonFields.requireBody(body);
        Identity identity = new Identity(JsonFields.requireString(request, "workspace"),
                JsonFields.requireString(request, "user"), JsonFields.optionalString(request, "name").orElse(null));
        return issuer.issue(identities.provision(identity));
    }
}

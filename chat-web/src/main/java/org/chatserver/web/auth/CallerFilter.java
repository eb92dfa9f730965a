package org.chatserver.web.auth;

import java.security.Principal;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import org.chatserver.ejb.identity.Identity;
import org.chatserver.ejb.identity.IdentityService;
import org.chatserver.ejb.problem.ChatProblem;
import org.chatserver.ejb.problem.ProblemCode;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns the verified token of an {@link Authenticated} request into its {@link Caller}, provisioning the user on first
 * use. MicroProfile JWT has verified the token by then: Payara authenticates in its roles filter (at AUTHORIZATION
 * priority, for the resources' {@code @PermitAll} methods) and answers a malformed, expired or wrongly signed token
 * with 401 itself. A request without a token, or whose token lacks the {@code workspace} claim, is refused here.
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHORIZATION + 1)
public class CallerFilter implements ContainerRequestFilter {

    @Inject
    Caller caller;

    @Inject
    IdentityService identities;

    @Override
    public void filter(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (!(principal instanceof JsonWebToken jwt) || jwt.getSubject() == null || !jwt.containsClaim("workspace")) {
            throw new ChatProblem(ProblemCode.UNAUTHORIZED, "A valid bearer token is required");
        }
        String name = jwt.containsClaim("name") ? claimText(jwt.getClaim("name")) : null;
        caller.set(identities.provision(new Identity(claimText(jwt.getClaim("workspace")), jwt.getSubject(), name)));
    }

    /** Custom claims arrive as JSON-P strings or as Java strings, depending on how the token was parsed. */
    private static String claimText(Object claim) {
        return claim instanceof JsonString string ? string.getString() : String.valueOf(claim);
    }
}

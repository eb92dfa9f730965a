package org.chatserver.web.auth;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import org.chatserver.ejb.identity.IdentityService;
import org.chatserver.ejb.identity.TokenVerifier;

/**
 * Turns the bearer token of an {@link Authenticated} request into its {@link Caller}, provisioning the user on first
 * use. A missing, malformed, expired or wrongly signed token answers 401 {@code unauthorized}.
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class CallerFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    Caller caller;

    @Inject
    TokenVerifier tokens;

    @Inject
    IdentityService identities;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = authorization != null && authorization.startsWith(BEARER)
                ? authorization.substring(BEARER.length()).strip() : null;
        caller.set(identities.provision(tokens.verify(token)));
    }
}

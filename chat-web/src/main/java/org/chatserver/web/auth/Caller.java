package org.chatserver.web.auth;

import jakarta.enterprise.context.RequestScoped;

import org.chatserver.ejb.identity.Identity;

/** The authenticated caller of the current REST request, set by {@link CallerFilter}. Request-confined. */
@RequestScoped
public class Caller {

    private Identity identity;

    void set(Identity identity) {
        this.identity = identity;
    }

    public Identity identity() {
        if (identity == null) {
            throw new IllegalStateException("no authenticated caller: is the resource @Authenticated?");
        }
        return identity;
    }
}

package org.chatserver.web.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks resources that need a caller: requests without a valid token are answered 401 {@code unauthorized}. Their
 * methods are also {@code @PermitAll}: that is what makes Payara's MicroProfile JWT authenticate the request (the
 * check of the caller is {@link CallerFilter}'s, with the protocol's error).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Authenticated {
}

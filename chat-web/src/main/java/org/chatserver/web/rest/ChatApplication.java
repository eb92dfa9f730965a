package org.chatserver.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The REST API of PROTOCOL.md under {@code /api/v1}; bearer tokens are verified by MicroProfile JWT (RS256, the key
 * of {@code mp.jwt.verify.publickey.location}, the issuer of {@code mp.jwt.verify.issuer}).
 *
 * <p>A CDI bean on purpose: Payara's MicroProfile JWT finds {@code @LoginConfig} only on a class its CDI extension
 * sees, and this archive discovers annotated beans only. Without it every token is rejected, silently.
 */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT")
@ApplicationScoped
public class ChatApplication extends Application {
}

package org.chatserver.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.auth.LoginConfig;

/** The REST API of PROTOCOL.md under {@code /api/v1}; bearer tokens are verified by MicroProfile JWT. */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT")
public class ChatApplication extends Application {
}

package org.chatserver.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API of PROTOCOL.md under {@code /api/v1}; bearer tokens are checked by
 * {@link org.chatserver.web.auth.CallerFilter}. */
@ApplicationPath("/api/v1")
public class ChatApplication extends Application {
}

package org.chatserver.web.health;

import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.chatserver.ejb.wire.WireJson;

/** {@code GET /health}: 200 once the application is deployed (its start-up migrations ran). No token needed. */
@Path("health")
public class HealthResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject health() {
        return WireJson.object().add("status", "UP").build();
    }
}

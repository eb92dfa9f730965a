package org.chatserver.web.presence;

import java.util.Map;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.chatserver.ejb.presence.PresenceService;
import org.chatserver.web.auth.Authenticated;
import org.chatserver.web.auth.Caller;

/** {@code GET /channels/{id}/presence}: the channel's members who are online or away, in user-id order. */
@Path("channels/{id}/presence")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PresenceResource {

    /** The answer: PROTOCOL.md's {@code {"online":[{"user","state"}...]}}. */
    public record Online(List<Member> online) {
    }

    /** One member who is not offline. */
    public record Member(String user, String state) {
    }

    @Inject
    Caller caller;

    @Inject
    PresenceService presence;

    @PermitAll
    @GET
    public Online online(@PathParam("id") String channelId) {
        return new Online(presence.onlineMembers(caller.identity(), channelId).entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> new Member(entry.getKey(), entry.getValue().wireName()))
                .toList());
    }
}

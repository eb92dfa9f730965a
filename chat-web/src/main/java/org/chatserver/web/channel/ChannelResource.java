package org.chatserver.web.channel;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chatserver.ejb.channel.ChannelService;
import org.chatserver.ejb.channel.ChannelView;
import org.chatserver.ejb.channel.NewChannel;
import org.chatserver.web.auth.Authenticated;
import org.chatserver.web.auth.Caller;
import org.chatserver.web.wire.JsonFields;

/** {@code /channels}: create, list the caller's, get one. */
@Path("channels")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ChannelResource {

    /** The caller's channels. */
    public record ChannelList(List<ChannelView> channels) {
    }

    @Inject
    Caller caller;

    @Inject
    ChannelService channels;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonObject body) {
        JsonObject request = JsonFields.requireBody(body);
        NewChannel channel = NewChannel.of(caller.identity(), JsonFields.requireString(request, "kind"),
                JsonFields.optionalString(request, "name").orElse(null), JsonFields.stringList(request, "members"));
        ChannelService.Created created = channels.create(caller.identity(), channel);
        return Response.status(created.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(created.channel()).build();
    }

    @GET
    public ChannelList mine() {
        return new ChannelList(channels.listMine(caller.identity()));
    }

    @GET
    @Path("{id}")
    public ChannelView get(@PathParam("id") String channelId) {
        return channels.get(caller.identity(), channelId);
    }
}

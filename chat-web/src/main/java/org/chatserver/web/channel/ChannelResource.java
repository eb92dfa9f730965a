package org.chatserver.web.channel;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chatserver.ejb.channel.ChannelService;
import org.chatserver.ejb.channel.ChannelView;
import org.chatserver.ejb.channel.MemberPage;
import org.chatserver.ejb.channel.NewChannel;
import org.chatserver.ejb.paging.PageLimit;
import org.chatserver.web.auth.Authenticated;
import org.chatserver.web.auth.Caller;
import org.chatserver.web.wire.JsonFields;
import org.chatserver.web.wire.QueryParams;

/** {@code /channels}: create, list the caller's or browse the public ones, get one, join, and manage members. */
@Path("channels")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ChannelResource {

    /** The caller's channels. */
    public record ChannelList(List<ChannelView> channels) {
    }

    /** The answer to adding members: the channel's members among those named. */
    public record Members(List<String> members) {
    }

    @Inject
    Caller caller;

    @EJB
    ChannelService channels;

    @PermitAll
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

    /** The caller's channels, or with {@code public=true} a page of the workspace's public channels. */
    @PermitAll
    @GET
    public Object list(@QueryParam("public") boolean publicOnes, @QueryParam("name") String name,
            @QueryParam("after") String after, @QueryParam("limit") String limit) {
        if (publicOnes) {
            return channels.browsePublic(caller.identity(), name, after,
                    PageLimit.of(QueryParams.optionalInt(limit, "limit")));
        }
        return new ChannelList(channels.listMine(caller.identity()));
    }

    @PermitAll
    @GET
    @Path("{id}")
    public ChannelView get(@PathParam("id") String channelId) {
        return channels.get(caller.identity(), channelId);
    }

    @PermitAll
    @POST
    @Path("{id}/join")
    public ChannelView join(@PathParam("id") String channelId) {
        return channels.join(caller.identity(), channelId);
    }

    @PermitAll
    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    public Members addMembers(@PathParam("id") String channelId, JsonObject body) {
        List<String> users = JsonFields.stringList(JsonFields.requireBody(body), "users");
        return new Members(channels.addMembers(caller.identity(), channelId, users));
    }

    @PermitAll
    @DELETE
    @Path("{id}/members/{user}")
    public Response removeMember(@PathParam("id") String channelId, @PathParam("user") String user) {
        channels.removeMember(caller.identity(), channelId, user);
        return Response.noContent().build();
    }

    @PermitAll
    @GET
    @Path("{id}/members")
    public MemberPage members(@PathParam("id") String channelId, @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        return channels.members(caller.identity(), channelId, after,
                PageLimit.of(QueryParams.optionalInt(limit, "limit")));
    }
}

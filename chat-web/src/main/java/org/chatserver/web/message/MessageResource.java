package org.chatserver.web.message;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.message.ClientMsgId;
import org.chatserver.ejb.message.HistoryPage;
import org.chatserver.ejb.message.MessageBody;
import org.chatserver.ejb.message.MessageService;
import org.chatserver.ejb.message.SendCommand;
import org.chatserver.ejb.message.SendResult;
import org.chatserver.ejb.paging.PageLimit;
import org.chatserver.web.auth.Authenticated;
import org.chatserver.web.auth.Caller;
import org.chatserver.web.wire.JsonFields;
import org.chatserver.web.wire.QueryParams;

/** {@code /channels/{id}/messages}: send (201, or 200 for a repeated client message id) and page history. */
@Path("channels/{id}/messages")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {

    /** The answer to a send. */
    public record Sent(String id, String channel, long seq, long ts) {
    }

    /** A history page: PROTOCOL.md message objects, ascending. */
    public record Page(List<MessageJson> messages, boolean hasMore) {
    }

    /** A message as PROTOCOL.md writes it. */
    public record MessageJson(String id, String channel, long seq, String from, String body, long ts,
            String clientMsgId) {
    }

    @Inject
    Caller caller;

    @EJB
    MessageService messages;

    @Inject
    ChatConfig config;

    @PermitAll
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(@PathParam("id") String channelId, JsonObject body) {
        JsonObject request = JsonFields.requireBody(body);
        SendResult result = messages.send(new SendCommand(caller.identity(),
                new ClientMsgId(JsonFields.requireString(request, "client_msg_id")), channelId,
                MessageBody.of(JsonFields.requireString(request, "body"), config.maxBodyChars())));
        return Response.status(result.duplicate() ? Response.Status.OK : Response.Status.CREATED)
                .entity(new Sent(result.id(), result.channel(), result.seq(), result.ts())).build();
    }

    @PermitAll
    @GET
    public Page history(@PathParam("id") String channelId, @QueryParam("after_seq") String afterSeq,
            @QueryParam("before_seq") String beforeSeq, @QueryParam("limit") String limit) {
        HistoryPage page = messages.history(caller.identity(), channelId,
                QueryParams.optionalLong(afterSeq, "after_seq"), QueryParams.optionalLong(beforeSeq, "before_seq"),
                PageLimit.of(QueryParams.optionalInt(limit, "limit")));
        return new Page(page.messages().stream().map(m -> new MessageJson(m.id(), m.channel(), m.seq(), m.from(),
                m.body(), m.ts(), m.clientMsgId())).toList(), page.hasMore());
    }
}

package org.chatserver.web.receipt;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.chatserver.ejb.receipt.ReceiptKind;
import org.chatserver.ejb.receipt.ReceiptService;
import org.chatserver.web.auth.Authenticated;
import org.chatserver.web.auth.Caller;
import org.chatserver.web.wire.JsonFields;

/** {@code POST /channels/{id}/read}: moves the caller's read cursor (never backwards); 204. */
@Path("channels/{id}/read")
@Authenticated
public class ReadResource {

    @Inject
    Caller caller;

    @EJB
    ReceiptService receipts;

    @PermitAll
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public void read(@PathParam("id") String channelId, JsonObject body) {
        receipts.move(caller.identity(), channelId, ReceiptKind.READ,
                JsonFields.requireLong(JsonFields.requireBody(body), "seq"));
    }
}

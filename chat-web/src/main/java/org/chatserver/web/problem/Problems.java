package org.chatserver.web.problem;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

import org.chatserver.ejb.wire.WireJson;
import org.chatserver.ejb.problem.ProblemCode;

/** Builds problem documents ({@code application/problem+json}). Stateless. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static JsonObject document(int status, String code, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return WireJson.object()
                .add("type", "about:blank")
                .add("title", known == null ? "Error" : known.getReasonPhrase())
                .add("status", status)
                .add("detail", detail == null ? "" : detail)
                .add("code", code)
                .build();
    }

    public static Response response(ProblemCode code, String detail) {
        return response(code.httpStatus(), code.wireCode(), detail);
    }

    public static Response response(int status, String code, String detail) {
        return Response.status(status).type(MEDIA_TYPE).entity(document(status, code, detail).toString()).build();
    }
}

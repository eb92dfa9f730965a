package org.chatserver.web.problem;

import jakarta.json.JsonException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.chatserver.ejb.problem.ProblemCode;

/** A body that is not the JSON it should be: {@code bad_request}. */
@Provider
public class BadJsonMapper implements ExceptionMapper<JsonException> {

    @Override
    public Response toResponse(JsonException e) {
        return Problems.response(ProblemCode.BAD_REQUEST, "malformed JSON");
    }
}

package org.chatserver.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.chatserver.ejb.problem.ChatProblem;
import org.chatserver.ejb.problem.ProblemCode;

/** A refused request: its PROTOCOL.md code and status; {@code rate_limited} also says when to retry. */
@Provider
public class ChatProblemMapper implements ExceptionMapper<ChatProblem> {

    private static final String RETRY_AFTER_SECONDS = "1";

    @Override
    public Response toResponse(ChatProblem problem) {
        Response response = Problems.response(problem.code(), problem.getMessage());
        if (problem.code() == ProblemCode.RATE_LIMITED) {
            return Response.fromResponse(response).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        return response;
    }
}

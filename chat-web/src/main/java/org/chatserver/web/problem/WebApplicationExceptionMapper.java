package org.chatserver.web.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.chatserver.ejb.problem.ProblemCode;

/**
 * JAX-RS's own refusals (no such path, wrong method or media type, unreadable body) as problem documents too: a
 * client never has to parse two error formats.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 400 -> ProblemCode.BAD_REQUEST.wireCode();
            case 401 -> ProblemCode.UNAUTHORIZED.wireCode();
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 415 -> "unsupported_media_type";
            default -> status >= 500 ? ProblemCode.UNAVAILABLE.wireCode() : ProblemCode.BAD_REQUEST.wireCode();
        };
        return Problems.response(status, code, e.getMessage());
    }
}

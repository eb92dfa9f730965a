package org.chatserver.web.problem;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.chatserver.ejb.problem.ProblemCode;

/**
 * A failure of the system rather than of the request (a shard or Redis down, a bug): 503 {@code unavailable}, logged
 * here because the client learns nothing more. Nothing was acked, so nothing acked is lost.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<EJBException> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Override
    public Response toResponse(EJBException e) {
        LOG.log(Level.WARNING, "A request failed", e);
        return Problems.response(ProblemCode.UNAVAILABLE, "The request could not be accepted durably; retry later");
    }
}

package org.chatserver.web.problem;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.chatserver.ejb.problem.ProblemCode;

/**
 * The error page for 401s the container sends itself (a token MicroProfile JWT rejected: malformed, expired, wrongly
 * signed), so that those answers are problem documents with code {@code unauthorized} as well.
 */
@WebServlet("/problem/unauthorized")
public class UnauthorizedProblemServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Problems.document(HttpServletResponse.SC_UNAUTHORIZED,
                ProblemCode.UNAUTHORIZED.wireCode(), "The bearer token was rejected").toString());
    }
}

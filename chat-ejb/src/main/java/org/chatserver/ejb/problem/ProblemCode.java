package org.chatserver.ejb.problem;

/** The machine-readable error codes of PROTOCOL.md, with the HTTP status each answers over REST. */
public enum ProblemCode {
    BAD_REQUEST("bad_request", 400),
    INVALID_CLIENT_MSG_ID("invalid_client_msg_id", 400),
    UNAUTHORIZED("unauthorized", 401),
    NOT_MEMBER("not_member", 403),
    UNKNOWN_CHANNEL("unknown_channel", 404),
    NAME_TAKEN("name_taken", 409),
    TOO_LARGE("too_large", 413),
    RATE_LIMITED("rate_limited", 429),
    UNAVAILABLE("unavailable", 503);

    private final String wireCode;
    private final int httpStatus;

    ProblemCode(String wireCode, int httpStatus) {
        this.wireCode = wireCode;
        this.httpStatus = httpStatus;
    }

    /** The {@code code} field of problem documents and {@code error} frames. */
    public String wireCode() {
        return wireCode;
    }

    public int httpStatus() {
        return httpStatus;
    }
}

package org.chatserver.ejb.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.chatserver.ejb.problem.ChatProblem;
import org.chatserver.ejb.problem.ProblemCode;
import org.junit.jupiter.api.Test;

class MessageBodyTest {

    @Test
    void countsCodePointsNotUtf16Units() {
        String threeEmoji = "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00";
        assertEquals(threeEmoji, MessageBody.of(threeEmoji, 3).text());
        assertEquals(ProblemCode.TOO_LARGE,
                assertThrows(ChatProblem.class, () -> MessageBody.of(threeEmoji + "x", 3)).code());
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        assertEquals(ProblemCode.BAD_REQUEST, assertThrows(ChatProblem.class, () -> MessageBody.of("", 10)).code());
    }

    @Test
    void toStringNeverShowsTheText() {
        assertFalse(MessageBody.of("secret plans", 100).toString().contains("secret"));
    }
}

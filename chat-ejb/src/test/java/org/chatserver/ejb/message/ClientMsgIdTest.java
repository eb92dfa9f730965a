package org.chatserver.ejb.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.chatserver.ejb.problem.ChatProblem;
import org.chatserver.ejb.problem.ProblemCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientMsgIdTest {

    private static final String SIXTY_FIVE_CHARACTERS =
            "01234567890123456789012345678901234567890123456789" + "012345678901234";

    @ParameterizedTest
    @ValueSource(strings = {"a", "m-1_X", "0123456789012345678901234567890123456789012345678901234567890123"})
    void acceptsOneToSixtyFourSafeCharacters(String value) {
        assertEquals(value, new ClientMsgId(value).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "é", "a/b", SIXTY_FIVE_CHARACTERS})
    void refusesAnythingElseAsInvalidClientMsgId(String value) {
        ChatProblem problem = assertThrows(ChatProblem.class, () -> new ClientMsgId(value));
        assertEquals(ProblemCode.INVALID_CLIENT_MSG_ID, problem.code());
    }
}

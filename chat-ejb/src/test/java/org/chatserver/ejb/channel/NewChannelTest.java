package org.chatserver.ejb.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.chatserver.ejb.identity.Identity;
import org.chatserver.ejb.problem.ChatProblem;
import org.chatserver.ejb.problem.ProblemCode;
import org.junit.jupiter.api.Test;

class NewChannelTest {

    private final Identity alice = new Identity("acme", "alice", null);

    @Test
    void aDmHasExactlyOneOtherMemberAndNoName() {
        NewChannel dm = NewChannel.of(alice, "dm", "ignored", List.of("bob", "alice"));
        assertEquals(Set.of("bob"), dm.members());
        assertEquals(null, dm.name());
        assertEquals(ProblemCode.BAD_REQUEST,
                assertThrows(ChatProblem.class, () -> NewChannel.of(alice, "dm", null, List.of("bob", "carol")))
                        .code());
    }

    @Test
    void theDmKeyIsTheSameWhoeverCreatesIt() {
        assertEquals(NewChannel.dmKey("alice", "bob"), NewChannel.dmKey("bob", "alice"));
    }

    @Test
    void namesAreOneToEightyCharacters() {
        assertThrows(ChatProblem.class, () -> NewChannel.of(alice, "public", "", List.of()));
        assertThrows(ChatProblem.class, () -> NewChannel.of(alice, "public", "x".repeat(81), List.of()));
        assertEquals("x".repeat(80), NewChannel.of(alice, "private", "x".repeat(80), List.of()).name());
    }

    @Test
    void anUnknownKindIsABadRequest() {
        assertEquals(ProblemCode.BAD_REQUEST,
                assertThrows(ChatProblem.class, () -> NewChannel.of(alice, "group", "g", List.of())).code());
    }
}

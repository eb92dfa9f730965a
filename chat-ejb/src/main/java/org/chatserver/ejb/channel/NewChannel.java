package org.chatserver.ejb.channel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.chatserver.ejb.identity.Identity;
import org.chatserver.ejb.problem.ChatProblem;
import org.chatserver.ejb.problem.ProblemCode;
import org.chatserver.persistence.channel.ChannelKind;

/**
 * A validated request to create a channel. A public or private channel has a name of 1..80 characters; a dm has no
 * name and exactly one member besides its creator. The creator is always a member. Immutable.
 */
public record NewChannel(ChannelKind kind, String name, Set<String> members) {

    /** The longest channel name, in characters (the column's width). */
    public static final int MAX_NAME_LENGTH = 80;

    /**
     * Checks the request of {@code creator}.
     *
     * @throws ChatProblem {@code bad_request} when the kind, name or members do not fit
     */
    public static NewChannel of(Identity creator, String kind, String name, List<String> members) {
        ChannelKind channelKind = ChannelKind.fromWire(kind)
                .orElseThrow(() -> ChatProblem.badRequest("kind must be public, private or dm"));
        Set<String> others = new LinkedHashSet<>();
        for (String member : members == null ? List.<String>of() : members) {
            others.add(Identity.requireId(member, "member"));
        }
        others.remove(creator.user());
        if (channelKind == ChannelKind.DM) {
            if (others.size() != 1) {
                throw ChatProblem.badRequest("a dm has exactly one member besides its creator");
            }
            return new NewChannel(channelKind, null, Set.copyOf(others));
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH
                || name.chars().anyMatch(Character::isISOControl)) {
            throw new ChatProblem(ProblemCode.BAD_REQUEST, "name must be 1.." + MAX_NAME_LENGTH + " characters");
        }
        return new NewChannel(channelKind, name, Set.copyOf(others));
    }

    /** The key that makes a dm between two users unique in a workspace: both ids, sorted. */
    public static String dmKey(String userA, String userB) {
        return userA.compareTo(userB) < 0 ? userA + '\n' + userB : userB + '\n' + userA;
    }
}

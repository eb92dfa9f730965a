package org.chatserver.ejb.channel;

import java.util.List;

/** A page of a channel's members in user-id order; {@code hasMore}: members after the last one remain. Immutable. */
public record MemberPage(List<Member> members, boolean hasMore) {

    /** A member of a channel, as other members see it. */
    public record Member(String user, long joinedAt) {
    }
}

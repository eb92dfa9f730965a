package org.chatserver.ejb.typing;

import java.time.Duration;

/**
 * The cluster-wide "at most once per interval per user and channel" rule of {@code typing} (a port; Redis implements
 * it): the first signal of an interval passes, the others in it do not, on whatever node they arrive.
 */
public interface TypingThrottle {

    /** Whether a typing signal of {@code user} of {@code workspace} in {@code channel} may be relayed now. */
    boolean admit(String workspace, String user, String channel, Duration interval);
}

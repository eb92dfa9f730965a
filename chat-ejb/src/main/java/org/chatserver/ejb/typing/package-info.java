/**
 * Typing indicators: relayed to the other online members of a channel, throttled cluster-wide, never stored, and the
 * first frames a slow connection loses.
 */
package org.chatserver.ejb.typing;

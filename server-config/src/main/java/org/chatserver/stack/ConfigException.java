package org.chatserver.stack;

/**
 * A configuration value that cannot be used, with a message naming the setting and what is expected, so that it can
 * be shown to the developer as is.
 */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}

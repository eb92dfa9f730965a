package org.chatserver.stack;

import java.util.Objects;

/**
 * One documented configuration setting of the local stack: the environment variable (also accepted as a
 * {@code -D} system property of the same name), a human description of its default, and what it does.
 *
 * <p>Immutable and thread-safe. The list of all settings is {@link StackConfig#SETTINGS}; the README table is
 * rendered from it by {@link StackConfig#renderMarkdownTable()}, so code and documentation cannot drift apart.
 *
 * @param name         the environment variable, e.g. {@code CHAT_HTTP_PORT}
 * @param defaultValue the default as shown to people (may describe a computed default)
 * @param description  what the setting controls, one sentence
 */
public record Setting(String name, String defaultValue, String description) {

    public Setting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
    }
}

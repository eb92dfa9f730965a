package org.chatserver.stack;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes values into lines of an asadmin command file so that they arrive unchanged, for the two readers of such
 * files: Payara Micro's boot command files ({@link #BOOT_COMMAND_FILE}) and {@code asadmin multimode --file} against
 * Payara Server ({@link #MULTIMODE_FILE}).
 *
 * <p>Three parsers read a line, and all were checked against Payara 6.2025.10:
 * <ol>
 *   <li>Micro's boot command file reader expands {@code ${...}} and splits the line into arguments at whitespace; an
 *       argument that starts with a quote runs to the next quote of either kind, so whitespace survives only inside
 *       quotes, and quotes cannot themselves be quoted or escaped.</li>
 *   <li>asadmin's own command reader (multimode) splits at whitespace too, but outside quotes a backslash takes the
 *       next character literally, and inside double quotes {@code \\}, {@code \"} and {@code \'} are escapes while
 *       other backslashes stay. So every backslash meant for the server is doubled.</li>
 *   <li>The server's property list parser ({@code --property}, the operand of {@code create-system-properties}) splits
 *       {@code name=value:name=value}; in a value, {@code \:} is a colon, {@code \=} an equals sign and {@code \\} a
 *       backslash. An empty value is rejected ("missing property value"), quotes are interpreted (an unbalanced one is
 *       rejected), and the server expands {@code ${...}} in stored values.</li>
 * </ol>
 * So: backslash-escape {@code \ : =} in property values, double every backslash in a multimode file, double-quote an
 * argument that contains whitespace, and refuse what cannot be written (quotes, {@code ${}, line breaks, empty
 * property values) with an error naming the value.
 *
 * <p>Stateless and thread-safe.
 */
public enum AsadminSyntax {

    /** Payara Micro's {@code --prebootcommandfile} and {@code --postbootcommandfile}: no escapes. */
    BOOT_COMMAND_FILE {
        @Override
        String escape(String argument) {
            return argument;
        }
    },

    /** asadmin's command reader, as in {@code asadmin multimode --file}: a backslash escapes the next character. */
    MULTIMODE_FILE {
        @Override
        String escape(String argument) {
            return argument.replace("\\", "\\\\");
        }
    };

    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    /**
     * Escapes one value of an asadmin property list for the server's parser (the same in both files; the file's own
     * escapes are added by {@link #propertyList(Map)}).
     *
     * @param what  what the value is, for the error message (e.g. {@code "CHAT_DB_PASSWORD"})
     * @param value the value, not empty
     * @return the escaped value
     * @throws ConfigException if the value is empty or cannot be written into a command file
     */
    public static String propertyValue(String what, String value) {
        if (value.isEmpty()) {
            throw new ConfigException(what + ": an empty value cannot be written as an asadmin property");
        }
        checkWritable(what, value);
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == ':' || c == '=') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Builds a complete {@code --property} argument, quoted if a value contains whitespace.
     *
     * @param properties property names to values (names are plain identifiers), in the order to write them; values
     *                   are escaped here
     * @return e.g. {@code --property url=jdbc\:mariadb\://h\:3306/db:user=root} in a boot command file
     */
    public String propertyOption(Map<String, String> properties) {
        return "--property " + propertyList(properties);
    }

    /**
     * Builds a property list as one argument, e.g. the operand of {@code create-system-properties}.
     *
     * @param properties property names to values (names are plain identifiers, such as {@code chat.node.id}), in the
     *                   order to write them; values are escaped here
     * @return {@code name=value:name=value}, escaped for this file and quoted if a value contains whitespace
     */
    public String propertyList(Map<String, String> properties) {
        StringBuilder list = new StringBuilder();
        properties.forEach((name, value) -> {
            if (list.length() > 0) {
                list.append(':');
            }
            list.append(name).append('=').append(propertyValue("property " + name, value));
        });
        return quoteIfNeeded(escape(list.toString()));
    }

    /**
     * Writes one plain argument (a path, a name), escaped for this file and quoted if it contains whitespace.
     *
     * @param what  what the value is, for the error message
     * @param value the argument
     * @return the argument as it must appear on the command line
     * @throws ConfigException if it cannot be written into a command file
     */
    public String argument(String what, String value) {
        if (value.isEmpty()) {
            throw new ConfigException(what + ": empty argument");
        }
        checkWritable(what, value);
        return quoteIfNeeded(escape(value));
    }

    /** Escapes what this file's reader would otherwise interpret, except whitespace (see {@link #quoteIfNeeded}). */
    abstract String escape(String argument);

    private static String quoteIfNeeded(String argument) {
        return WHITESPACE.matcher(argument).find() ? '"' + argument + '"' : argument;
    }

    private static void checkWritable(String what, String value) {
        if (value.indexOf('"') >= 0 || value.indexOf('\'') >= 0) {
            throw new ConfigException(what + ": quotes cannot be written into an asadmin command file");
        }
        if (value.contains("${")) {
            throw new ConfigException(what + ": '${' would be expanded by Payara");
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new ConfigException(what + ": line breaks cannot be written into an asadmin command file");
        }
    }
}

package org.chatserver.stack;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes values into lines of a Payara (Micro) boot command file so that they arrive unchanged.
 *
 * <p>Two parsers read such a line, and both were checked against Payara Micro 6.2025.10:
 * <ol>
 *   <li>The boot command file reader expands {@code ${...}} and splits the line into arguments at whitespace; an
 *       argument that starts with a quote runs to the next quote of either kind, so whitespace survives only inside
 *       quotes, and quotes cannot themselves be quoted or escaped.</li>
 *   <li>asadmin's {@code --property} parser splits {@code name=value:name=value}; in a value, {@code \:} is a colon,
 *       {@code \=} an equals sign and {@code \\} a backslash. An empty value is rejected ("missing property
 *       value"), and {@code ""} or {@code ()} are taken literally.</li>
 * </ol>
 * So: backslash-escape {@code \ : =} in property values, double-quote an argument that contains whitespace, and refuse
 * what cannot be written (quotes, {@code ${}, line breaks, empty property values) with an error naming the value.
 *
 * <p>Stateless and thread-safe.
 */
public final class AsadminSyntax {

    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    private AsadminSyntax() {
    }

    /**
     * Escapes one value of an asadmin {@code --property} list.
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
     * @return e.g. {@code --property url=jdbc\:mariadb\://h\:3306/db:user=root}
     */
    public static String propertyOption(Map<String, String> properties) {
        StringBuilder list = new StringBuilder();
        properties.forEach((name, value) -> {
            if (list.length() > 0) {
                list.append(':');
            }
            list.append(name).append('=').append(propertyValue("property " + name, value));
        });
        return "--property " + argument("property list", list.toString());
    }

    /**
     * Writes one plain argument (a path, a name), quoted if it contains whitespace.
     *
     * @param what  what the value is, for the error message
     * @param value the argument
     * @return the argument as it must appear on the command line
     * @throws ConfigException if it cannot be written into a command file
     */
    public static String argument(String what, String value) {
        if (value.isEmpty()) {
            throw new ConfigException(what + ": empty argument");
        }
        checkWritable(what, value);
        return WHITESPACE.matcher(value).find() ? '"' + value + '"' : value;
    }

    private static void checkWritable(String what, String value) {
        if (value.indexOf('"') >= 0 || value.indexOf('\'') >= 0) {
            throw new ConfigException(what + ": quotes cannot be written into a Payara boot command file");
        }
        if (value.contains("${")) {
            throw new ConfigException(what + ": '${' would be expanded by the Payara boot command file reader");
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new ConfigException(what + ": line breaks cannot be written into a Payara boot command file");
        }
    }
}

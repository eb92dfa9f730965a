package org.chatserver.stack;

/**
 * Escapes keys and values for a {@link java.util.Properties} file like {@code Properties.store}, but without its
 * timestamp comment, in a caller-chosen order (so generated files are deterministic), and escaping in values only what
 * {@code Properties.load} needs. Output is ASCII (other
 * characters as {@code \}{@code uXXXX}), so readers loading the file as ISO-8859-1 or UTF-8 get the same values.
 *
 * <p>Stateless and thread-safe.
 */
final class PropertiesSyntax {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PropertiesSyntax() {
    }

    /**
     * @param text  a key or value
     * @param isKey whether it is a key (spaces are then escaped everywhere, not only at the start)
     * @return the escaped text
     */
    static String escape(String text, boolean isKey) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                // Separators and comment marks matter only in keys (and a comment mark only at a line's start),
                // so values such as URLs stay readable.
                case '=', ':', '#', '!' -> out.append(isKey ? "\\" + c : String.valueOf(c));
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\f' -> out.append("\\f");
                case ' ' -> out.append(isKey || i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}

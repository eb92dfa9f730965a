package org.chatserver.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PropertiesSyntaxTest {

    @Test
    void escapedValuesReadBackUnchanged() throws IOException {
        String[] values = {"file:///a b/c.pem", " leading space", "a=b:c#d!e\\f", "tab\tnew\nline", "caf\u00e9 \u2603",
            ""};
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            file.append(PropertiesSyntax.escape("key " + i, true)).append('=')
                    .append(PropertiesSyntax.escape(values[i], false)).append('\n');
        }
        Properties p = new Properties();
        p.load(new StringReader(file.toString()));

        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], p.getProperty("key " + i));
        }
    }

    @Test
    void outputIsAscii() {
        assertEquals("caf\\u00E9", PropertiesSyntax.escape("caf\u00e9", false));
    }
}

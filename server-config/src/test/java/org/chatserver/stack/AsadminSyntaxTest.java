package org.chatserver.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AsadminSyntaxTest {

    @Test
    void colonsEqualsSignsAndBackslashesAreEscapedInPropertyValues() {
        assertEquals("jdbc\\:mariadb\\://h\\:3306/db?a\\=b&c\\=d",
                AsadminSyntax.propertyValue("url", "jdbc:mariadb://h:3306/db?a=b&c=d"));
        assertEquals("a\\\\b", AsadminSyntax.propertyValue("x", "a\\b"));
        assertEquals("#$%&,;!?", AsadminSyntax.propertyValue("x", "#$%&,;!?"));
    }

    @Test
    void propertyOptionJoinsEscapedPairsWithColons() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("url", "jdbc:mariadb://127.0.0.1:3306/chat_shard_0");
        props.put("user", "chat");
        props.put("password", "p:a=ss");

        assertEquals("--property url=jdbc\\:mariadb\\://127.0.0.1\\:3306/chat_shard_0:user=chat:password=p\\:a\\=ss",
                AsadminSyntax.propertyOption(props));
    }

    @Test
    void propertyOptionIsQuotedWhenAValueHasWhitespace() {
        assertEquals("--property \"password=two words\"",
                AsadminSyntax.propertyOption(Map.of("password", "two words")));
    }

    @Test
    void argumentsAreQuotedOnlyWhenTheyHaveWhitespace() {
        assertEquals("/a/b.rar", AsadminSyntax.argument("path", "/a/b.rar"));
        assertEquals("\"/my dir/b.rar\"", AsadminSyntax.argument("path", "/my dir/b.rar"));
    }

    @Test
    void whatTheBootCommandReaderCannotCarryIsRefused() {
        assertRefused("quotes", "it's");
        assertRefused("quotes", "say \"hi\"");
        assertRefused("expanded", "${ENV=HOME}");
        assertRefused("line breaks", "a\nb");
        assertRefused("empty", "");
    }

    private static void assertRefused(String reason, String value) {
        ConfigException e = assertThrows(ConfigException.class, () -> AsadminSyntax.propertyValue("CHAT_X", value));
        assertTrue(e.getMessage().startsWith("CHAT_X: "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}

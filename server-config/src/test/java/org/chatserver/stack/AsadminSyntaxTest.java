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
                AsadminSyntax.BOOT_COMMAND_FILE.propertyOption(props));
    }

    @Test
    void propertyOptionIsQuotedWhenAValueHasWhitespace() {
        assertEquals("--property \"password=two words\"",
                AsadminSyntax.BOOT_COMMAND_FILE.propertyOption(Map.of("password", "two words")));
    }

    @Test
    void argumentsAreQuotedOnlyWhenTheyHaveWhitespace() {
        assertEquals("/a/b.rar", AsadminSyntax.BOOT_COMMAND_FILE.argument("path", "/a/b.rar"));
        assertEquals("\"/my dir/b.rar\"", AsadminSyntax.BOOT_COMMAND_FILE.argument("path", "/my dir/b.rar"));
    }

    @Test
    void multimodeFilesDoubleEveryBackslashBecauseAsadminsReaderTakesOne() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("url", "jdbc:mariadb://127.0.0.1:3306/chat_shard_0?user=root");
        props.put("password", "a\\b");

        assertEquals("--property url=jdbc\\\\:mariadb\\\\://127.0.0.1\\\\:3306/chat_shard_0?user\\\\=root"
                + ":password=a\\\\\\\\b", AsadminSyntax.MULTIMODE_FILE.propertyOption(props));
        assertEquals("C\\\\dir", AsadminSyntax.MULTIMODE_FILE.argument("path", "C\\dir"));
    }

    @Test
    void multimodeFilesQuoteWhitespaceAroundTheDoubledBackslashes() {
        // Inside double quotes asadmin's reader still reads a doubled backslash as one, and leaves \: alone.
        assertEquals("\"chat.x=two words\\\\:here:chat.y=1\"",
                AsadminSyntax.MULTIMODE_FILE.propertyList(orderedMap("chat.x", "two words:here", "chat.y", "1")));
        assertEquals("\"/my dir/chat.ear\"", AsadminSyntax.MULTIMODE_FILE.argument("path", "/my dir/chat.ear"));
    }

    @Test
    void thePropertyListOfBothFilesDiffersOnlyInBackslashes() {
        Map<String, String> props = orderedMap("chat.redis.address", "redis://127.0.0.1:6379",
                "chat.shards.count", "4");

        assertEquals("chat.redis.address=redis\\://127.0.0.1\\:6379:chat.shards.count=4",
                AsadminSyntax.BOOT_COMMAND_FILE.propertyList(props));
        assertEquals("chat.redis.address=redis\\\\://127.0.0.1\\\\:6379:chat.shards.count=4",
                AsadminSyntax.MULTIMODE_FILE.propertyList(props));
    }

    @Test
    void whatTheReadersCannotCarryIsRefused() {
        assertRefused("quotes", "it's");
        assertRefused("quotes", "say \"hi\"");
        assertRefused("expanded", "${ENV=HOME}");
        assertRefused("line breaks", "a\nb");
        assertRefused("empty", "");
    }

    @Test
    void multimodeFilesRefuseTheSame() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AsadminSyntax.MULTIMODE_FILE.argument("CHAT_X", "it's"));
        assertTrue(e.getMessage().startsWith("CHAT_X: quotes"), e.getMessage());
        assertThrows(ConfigException.class,
                () -> AsadminSyntax.MULTIMODE_FILE.propertyList(Map.of("chat.db.prefix", "")));
    }

    private static Map<String, String> orderedMap(String k1, String v1, String k2, String v2) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    private static void assertRefused(String reason, String value) {
        ConfigException e = assertThrows(ConfigException.class, () -> AsadminSyntax.propertyValue("CHAT_X", value));
        assertTrue(e.getMessage().startsWith("CHAT_X: "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}

package org.chatserver.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ServerFrameTest {

    @Test
    void aMsgFrameGivesItsChannelSeqSenderAndClientIdAndSkipsTheRestNestedValuesIncluded() throws IOException {
        ServerFrame frame = ServerFrame.parse("{\"op\":\"msg\",\"id\":\"m1\",\"meta\":{\"seq\":99,\"tags\":[1,{\"a\":2}]},"
                + "\"channel\":\"c1\",\"seq\":42,\"from\":\"u7\",\"body\":\"{\\\"seq\\\":1}\",\"ts\":1700000000000,"
                + "\"client_msg_id\":\"k-3\",\"future_field\":[true,null]}");

        assertEquals(new ServerFrame("msg", "c1", 42, "u7", "k-3", false, "", ""), frame);
    }

    @Test
    void syncedAndErrorFramesGiveTheirOwnFieldsAndMissingOnesReadEmpty() throws IOException {
        assertEquals(new ServerFrame("synced", "c2", 0, "", "", true, "", ""),
                ServerFrame.parse("{\"op\":\"synced\",\"channel\":\"c2\",\"has_more\":true}"));
        assertEquals(new ServerFrame("error", "", 0, "", "", false, "unknown_channel", "c9"),
                ServerFrame.parse("{\"op\":\"error\",\"code\":\"unknown_channel\",\"ref\":\"c9\",\"channel\":null}"));
    }

    @Test
    void textThatIsNotOneWholeJsonObjectIsRefused() {
        assertThrows(IOException.class, () -> ServerFrame.parse("[\"op\",\"msg\"]"));
        assertThrows(IOException.class, () -> ServerFrame.parse("{\"op\":\"msg\",\"seq\":4"));
        assertThrows(IOException.class, () -> ServerFrame.parse(""));
    }
}

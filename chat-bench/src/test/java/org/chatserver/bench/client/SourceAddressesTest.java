package org.chatserver.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SourceAddressesTest {

    @Test
    void connectionsFillOneLoopbackAddressAfterTheOther() {
        SourceAddresses a = new SourceAddresses(20_000);
        assertEquals("/127.0.0.1", a.addressOf(0).toString());
        assertEquals("/127.0.0.1", a.addressOf(19_999).toString());
        assertEquals("/127.0.0.2", a.addressOf(20_000).toString());
        assertEquals(1, a.addressesFor(15_000));
        assertEquals(3, a.addressesFor(50_000));
        assertEquals(0, a.addressesFor(0));
    }

    @Test
    void refusesMoreThanTheLoopbackNetHolds() {
        assertThrows(IllegalArgumentException.class, () -> new SourceAddresses(1).addressOf(254));
        assertThrows(IllegalArgumentException.class, () -> new SourceAddresses(0));
    }
}

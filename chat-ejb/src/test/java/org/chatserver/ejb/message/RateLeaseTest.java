package org.chatserver.ejb.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLeaseTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aNewLeaseHoldsNothing() {
        RateLease lease = new RateLease();

        assertFalse(lease.trySpend(0));
        assertTrue(lease.isSpent(0));
    }

    @Test
    void aLeaseSpendsExactlyItsTokens() {
        RateLease lease = new RateLease();
        lease.add(3, 0, SECOND);

        for (int i = 0; i < 3; i++) {
            assertTrue(lease.trySpend(i), "token " + i);
        }
        assertFalse(lease.trySpend(3), "no fourth token");
        assertTrue(lease.isSpent(3));
    }

    @Test
    void anExpiredLeaseForgetsItsUnspentTokens() {
        RateLease lease = new RateLease();
        lease.add(4, 0, SECOND);

        assertTrue(lease.trySpend(SECOND - 1));
        assertFalse(lease.trySpend(SECOND), "expired with three tokens unspent");
        assertTrue(lease.isSpent(SECOND));
        lease.add(1, 2 * SECOND, SECOND);
        assertTrue(lease.trySpend(2 * SECOND), "only the new grant counts");
        assertFalse(lease.trySpend(2 * SECOND));
    }

    @Test
    void grantsAddUpSoThatSendsAskingAtOnceLoseNone() {
        RateLease lease = new RateLease();
        lease.add(4, 0, SECOND);
        lease.add(2, 1, SECOND);

        for (int i = 0; i < 6; i++) {
            assertTrue(lease.trySpend(SECOND), "token " + i + ", valid a lifetime after the last grant");
        }
        assertFalse(lease.trySpend(SECOND));
    }

    @Test
    void aLeaseTakesAtMostATenthOfTheBurstAndAtLeastOneToken() {
        assertEquals(5, RateLease.tokensFor(5, 50));
        assertEquals(2, RateLease.tokensFor(5, 20));
        assertEquals(1, RateLease.tokensFor(5, 10));
        assertEquals(1, RateLease.tokensFor(5, 3), "a small burst leases one token at a time");
        assertEquals(1, RateLease.tokensFor(0, 50), "a lease of nothing would refuse every send");
    }
}

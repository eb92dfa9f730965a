package org.chatserver.ejb.redis;

import java.io.StringReader;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.chatserver.ejb.wire.WireJson;
import org.chatserver.ejb.identity.Identity;
import org.chatserver.ejb.identity.TicketStore;
import org.redisson.api.RBucket;

/** Connect tickets as Redis strings with a TTL; {@code GETDEL} makes redemption atomic and single-use. */
@ApplicationScoped
public class RedisTicketStore implements TicketStore {

    private static final String TICKETS = RedisConnection.KEY_PREFIX + "ticket:";

    @Inject
    RedisConnection redis;

    @Override
    public void put(String ticket, Identity identity, Duration ttl) {
        JsonObjectBuilder json = WireJson.object()
                .add("workspace", identity.workspace())
                .add("user", identity.user());
        if (identity.name() != null) {
            json.add("name", identity.name());
        }
        bucket(ticket).set(json.build().toString(), ttl);
    }

    @Override
    public Optional<Identity> take(String ticket) {
        String stored = bucket(ticket).getAndDelete();
        if (stored == null) {
            return Optional.empty();
        }
        JsonObject json = WireJson.reader(new StringReader(stored)).readObject();
        return Optional.of(new Identity(json.getString("workspace"), json.getString("user"),
                json.getString("name", null)));
    }

    private RBucket<String> bucket(String ticket) {
        return redis.client().getBucket(TICKETS + ticket);
    }
}

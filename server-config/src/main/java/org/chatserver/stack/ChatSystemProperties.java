package org.chatserver.stack;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The chat application's configuration as server-level system properties (its MicroProfile Config keys): the same for
 * Payara Micro ({@code --systemproperties}, see {@link PayaraCommandFiles}) and Payara Server
 * ({@code create-system-properties}, see {@link PayaraServerScript}).
 *
 * <p>They must be server-level, not only in the application's {@code microprofile-config.properties}: Payara resolves
 * {@code ${MPCONFIG=...}} in the fan-out MDB's activation config (its bootstrap servers and number of consumers)
 * against server-level sources only.
 *
 * <p>Immutable and thread-safe.
 */
public final class ChatSystemProperties {

    /** Issuer name of the development JWT issuer, also what the application verifies. */
    public static final String JWT_ISSUER = "chat-local";

    private final Map<String, String> properties;

    /**
     * @param config        the stack configuration
     * @param jwtPrivateKey the development issuer's private key
     * @param jwtPublicKey  the development issuer's public key
     * @param nodeId        the gateway node id of the server
     */
    public ChatSystemProperties(StackConfig config, Path jwtPrivateKey, Path jwtPublicKey, String nodeId) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("chat.kafka.bootstrap-servers", config.kafkaBootstrapServers());
        p.put("chat.fanout.consumers", Integer.toString(config.fanoutConsumers()));
        p.put("chat.redis.address", config.redisAddress());
        p.put("chat.shards.count", Integer.toString(config.shards()));
        p.put("chat.db.prefix", config.dbPrefix());
        p.put("chat.node.id", Objects.requireNonNull(nodeId, "nodeId"));
        p.put("chat.workspaces.auto-provision", "true");
        p.put("chat.auth.issuer.enabled", "true");
        p.put("chat.auth.issuer.name", JWT_ISSUER);
        p.put("chat.auth.issuer.private-key-location", fileUri(jwtPrivateKey));
        p.put("mp.jwt.verify.publickey.location", fileUri(jwtPublicKey));
        p.put("mp.jwt.verify.issuer", JWT_ISSUER);
        this.properties = Collections.unmodifiableMap(p);
    }

    /** @return property name to value, in a fixed order */
    public Map<String, String> asMap() {
        return properties;
    }

    private static String fileUri(Path file) {
        return file.toAbsolutePath().normalize().toUri().toString();
    }
}

package org.chatserver.ejb.redis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chatserver.ejb.config.ChatConfig;
import org.chatserver.ejb.identity.Identity;
import org.chatserver.ejb.presence.PresenceState;
import org.chatserver.ejb.presence.PresenceStore;
import org.chatserver.ejb.presence.PresenceTransition;
import org.redisson.api.BatchOptions;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.client.codec.StringCodec;

/**
 * Presence in Redis. Per user a hash {@code chat:presence:<length of workspace>:<workspace>:<user>} with one field
 * {@code n:<node>} per node holding connections of the user, and {@code state} ({@code online} or {@code away}); it
 * expires unless a node renews it, after {@linkplain ChatConfig#presenceRecordTtlMs() twice the presence TTL}, so
 * that it is still there when a live node releases a dead node's users. Per node a set
 * {@code chat:node-presence:<node>} of its users, so that a dead node's claims can be released.
 *
 * <p>Each transition is decided by one Lua script on the user's hash (one key, so it also works on Redis Cluster),
 * atomically: of two nodes racing, exactly one sees the user come online or go offline. The script stamps the
 * transition with Redis's clock in microseconds, the same clock for every node, to order transitions of a user.
 */
@ApplicationScoped
public class RedisPresenceStore implements PresenceStore {

    private static final String USER_PRESENCE = RedisConnection.KEY_PREFIX + "presence:";
    private static final String NODE_PRESENCE = RedisConnection.KEY_PREFIX + "node-presence:";
    private static final String NODE_FIELD = "n:";
    private static final String STATE_FIELD = "state";

    /** Lua: whether the hash KEYS[1] has a node field, as a local function. */
    private static final String HAS_NODES = "local function hasNodes() "
            + "for _, f in ipairs(redis.call('HKEYS', KEYS[1])) do "
            + "if string.sub(f, 1, 2) == 'n:' then return true end end return false end "
            + "local function now() local t = redis.call('TIME') return t[1] * 1000000 + t[2] end ";

    /** ARGV: node field, TTL ms. Answers the transition's time if the user came online, else 0. */
    private static final String CONNECT = HAS_NODES
            + "local was = hasNodes() "
            + "redis.call('HSET', KEYS[1], ARGV[1], '1') "
            + "redis.call('PEXPIRE', KEYS[1], ARGV[2]) "
            + "if was then return 0 end "
            + "redis.call('HSET', KEYS[1], 'state', 'online') "
            + "return now()";

    /** ARGV: node field. Answers the transition's time if the user went offline, else 0. */
    private static final String DISCONNECT = HAS_NODES
            + "if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then return 0 end "
            + "if hasNodes() then return 0 end "
            + "redis.call('DEL', KEYS[1]) "
            + "return now()";

    /** ARGV: state. Answers the transition's time if an online user's state changed, else 0. */
    private static final String SET_STATE = HAS_NODES
            + "if not hasNodes() then return 0 end "
            + "if redis.call('HGET', KEYS[1], 'state') == ARGV[1] then return 0 end "
            + "redis.call('HSET', KEYS[1], 'state', ARGV[1]) "
            + "return now()";

    @Inject
    RedisConnection redis;

    @Inject
    ChatConfig config;

    @Override
    public Optional<PresenceTransition> connected(String node, Identity user) {
        String member = memberOf(user);
        redis.client().<String>getSet(NODE_PRESENCE + node).add(member);
        long at = run(CONNECT, user, NODE_FIELD + node, String.valueOf(config.presenceRecordTtlMs()));
        return transition(user, PresenceState.ONLINE, at);
    }

    @Override
    public Optional<PresenceTransition> disconnected(String node, Identity user) {
        redis.client().<String>getSet(NODE_PRESENCE + node).remove(memberOf(user));
        return transition(user, PresenceState.OFFLINE, run(DISCONNECT, user, NODE_FIELD + node));
    }

    @Override
    public Optional<PresenceTransition> set(Identity user, PresenceState state) {
        return transition(user, state, run(SET_STATE, user, state.wireName()));
    }

    @Override
    public void refresh(String node, Collection<Identity> users) {
        if (users.isEmpty()) {
            return;
        }
        RBatch batch = redis.client().createBatch(BatchOptions.defaults());
        for (Identity user : users) {
            String key = USER_PRESENCE + memberOf(user);
            batch.getMap(key, StringCodec.INSTANCE).fastPutAsync(NODE_FIELD + node, "1");
            batch.getMap(key, StringCodec.INSTANCE).expireAsync(config.presenceRecordTtlMs(), TimeUnit.MILLISECONDS);
            batch.getSet(NODE_PRESENCE + node, StringCodec.INSTANCE).addAsync(memberOf(user));
        }
        batch.execute();
    }

    @Override
    public List<PresenceTransition> releaseNode(String node) {
        List<PresenceTransition> transitions = new ArrayList<>();
        for (String member : redis.client().<String>getSet(NODE_PRESENCE + node).readAll()) {
            Identity user = identityOf(member);
            transition(user, PresenceState.OFFLINE, run(DISCONNECT, user, NODE_FIELD + node))
                    .ifPresent(transitions::add);
        }
        redis.client().getSet(NODE_PRESENCE + node).delete();
        return transitions;
    }

    @Override
    public Map<String, PresenceState> online(String workspace, Collection<String> users) {
        List<String> ordered = List.copyOf(users);
        RBatch batch = redis.client().createBatch(BatchOptions.defaults());
        ordered.forEach(user -> batch.getMap(USER_PRESENCE + memberOf(new Identity(workspace, user, null)),
                StringCodec.INSTANCE).readAllMapAsync());
        BatchResult<?> results = batch.execute();
        Map<String, PresenceState> online = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            Map<?, ?> hash = (Map<?, ?>) results.getResponses().get(i);
            if (!hash.isEmpty()) {
                Object state = hash.get(STATE_FIELD);
                online.put(ordered.get(i), PresenceState.AWAY.wireName().equals(state)
                        ? PresenceState.AWAY : PresenceState.ONLINE);
            }
        }
        return online;
    }

    private long run(String script, Identity user, String... args) {
        Long at = redis.client().getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, script,
                RScript.ReturnType.INTEGER, List.of(USER_PRESENCE + memberOf(user)), (Object[]) args);
        return at == null ? 0 : at;
    }

    private static Optional<PresenceTransition> transition(Identity user, PresenceState state, long at) {
        return at == 0 ? Optional.empty()
                : Optional.of(new PresenceTransition(user.workspace(), user.user(), state, at));
    }

    /** Length-prefixed, so that no two (workspace, user) pairs share a key whatever characters their ids hold. */
    private static String memberOf(Identity user) {
        return user.workspace().length() + ":" + user.workspace() + ":" + user.user();
    }

    private static Identity identityOf(String member) {
        int colon = member.indexOf(':');
        int length = Integer.parseInt(member.substring(0, colon));
        String workspace = member.substring(colon + 1, colon + 1 + length);
        return new Identity(workspace, member.substring(colon + 2 + length), null);
    }
}

package org.chatserver.ejb.identity;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The built-in token issuer for local development and tests: signs RS256 JWTs with the key whose public half the
 * server verifies (MicroProfile JWT). Exists only when {@code chat.auth.issuer.enabled} is true; production
 * takes its tokens from the enterprise identity provider.
 *
 * <p>Tokens carry {@code sub}, {@code upn} (the user), {@code workspace}, {@code name}, {@code groups}, {@code iss},
 * {@code iat}, {@code exp} and {@code jti}. Thread-safe: the signer is immutable.
 */
@ApplicationScoped
public class TokenIssuer {

    /** A signed token and when it expires (epoch millis). */
    public record IssuedToken(String token, long expiresAt) {
    }

    @Inject
    @ConfigProperty(name = "chat.auth.issuer.enabled")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "chat.auth.issuer.private-key-location")
    Optional<String> privateKeyLocation;

    @Inject
    @ConfigProperty(name = "chat.auth.issuer.name")
    String issuerName;

    @Inject
    @ConfigProperty(name = "chat.auth.token-ttl-seconds")
    long ttlSeconds;

    private RSASSASigner signer;

    @PostConstruct
    void loadKey() {
        if (enabled) {
            String location = privateKeyLocation.orElseThrow(() -> new IllegalStateException(
                    "chat.auth.issuer.enabled is true but chat.auth.issuer.private-key-location is not set"));
            signer = new RSASSASigner(PemKeys.privateKey(PemKeys.read(location)));
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** Signs a token for {@code identity}; only when the issuer is enabled. */
    public IssuedToken issue(Identity identity) {
        if (!enabled) {
            throw new IllegalStateException("the built-in token issuer is disabled");
        }
        Instant now = Instant.now();
        Instant expires = now.plusSeconds(ttlSeconds);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuerName)
                .subject(identity.user())
                .claim("upn", identity.user())
                .claim("workspace", identity.workspace())
                .claim("groups", List.of("user"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString());
        if (identity.name() != null) {
            claims.claim("name", identity.name());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return new IssuedToken(jwt.serialize(), expires.toEpochMilli());
    }
}

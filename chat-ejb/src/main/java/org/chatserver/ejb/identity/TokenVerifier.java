package org.chatserver.ejb.identity;

import java.text.ParseException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.chatserver.ejb.problem.ChatProblem;
import org.chatserver.ejb.problem.ProblemCode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies the RS256 bearer tokens of REST calls and turns them into an {@link Identity}.
 *
 * <p>Configured with MicroProfile JWT's own keys ({@code mp.jwt.verify.publickey.location} or
 * {@code mp.jwt.verify.publickey}, {@code mp.jwt.verify.issuer}), so an identity provider is wired the standard way.
 * It is written on nimbus-jose-jwt rather than left to Payara's MicroProfile JWT because Payara 6.2025.10's
 * authentication mechanism rejected correctly signed tokens in this application without any diagnostic, and a
 * rejection here must be a PROTOCOL.md problem document anyway. Accepted: signature by the configured key, algorithm
 * RS256, the configured issuer, unexpired ({@code exp} required), a {@code sub} and a {@code workspace} claim.
 * Thread-safe: the processor is immutable after start-up.
 */
@ApplicationScoped
public class TokenVerifier {

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> publicKeyLocation;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> publicKey;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    private DefaultJWTProcessor<SecurityContext> processor;

    @PostConstruct
    void init() {
        String pem = publicKey.or(() -> publicKeyLocation.map(PemKeys::read)).orElseThrow(() ->
                new IllegalStateException("set mp.jwt.verify.publickey.location (or mp.jwt.verify.publickey)"));
        RSAKey key = new RSAKey.Builder(PemKeys.publicKey(pem)).build();
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(new JWKSet(key))));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer).build(), new HashSet<>(Set.of("sub", "exp", "workspace"))));
    }

    /**
     * The identity of a valid token.
     *
     * @throws ChatProblem {@code unauthorized} for a missing, malformed, expired or wrongly signed token
     */
    public Identity verify(String token) {
        if (token == null || token.isEmpty()) {
            throw unauthorized();
        }
        try {
            JWTClaimsSet claims = processor.process(token, null);
            return new Identity(claims.getStringClaim("workspace"), claims.getSubject(), claims.getStringClaim("name"));
        } catch (ParseException | BadJOSEException | JOSEException | ChatProblem e) {
            throw unauthorized();
        }
    }

    private static ChatProblem unauthorized() {
        return new ChatProblem(ProblemCode.UNAUTHORIZED, "A valid bearer token is required");
    }
}

package org.chatserver.ejb.identity;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Reads RSA private keys in PEM form (PKCS#8) from a {@code file:} URL, a
 * {@code classpath:} resource or a plain path. The JDK parses the DER; only the PEM armour is stripped here, which
 * needs no library. Stateless.
 */
final class PemKeys {

    private static final String CLASSPATH = "classpath:";

    private PemKeys() {
    }

    static String read(String location) {
        try {
            if (location.startsWith(CLASSPATH)) {
                try (InputStream in = PemKeys.class.getClassLoader()
                        .getResourceAsStream(location.substring(CLASSPATH.length()))) {
                    if (in == null) {
                        throw new IOException("no resource " + location);
                    }
                    return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                }
            }
            Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
            return Files.readString(path, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the key at " + location, e);
        }
    }


    static RSAPrivateKey privateKey(String pem) {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("not a PKCS#8 RSA private key", e);
        }
    }

    private static byte[] der(String pem) {
        return Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }
}

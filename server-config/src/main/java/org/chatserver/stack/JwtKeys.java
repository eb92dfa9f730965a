package org.chatserver.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The development JWT issuer's RSA key pair: generated once with {@code java.security} and kept in the state folder,
 * so tokens survive restarts. The private key is PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), the public key X.509
 * SubjectPublicKeyInfo PEM ({@code BEGIN PUBLIC KEY}), the forms MicroProfile JWT and the application read.
 *
 * <p>Stateless and thread-safe (but two launchers generating at once would race; the stack runs one launcher).
 */
public final class JwtKeys {

    private static final int KEY_BITS = 2048;

    private JwtKeys() {
    }

    /**
     * Makes sure both key files exist; generates a new pair when either is missing.
     *
     * @param privateKey private key file
     * @param publicKey  public key file
     * @return true if a new pair was generated
     * @throws IOException              if the files cannot be written
     * @throws GeneralSecurityException if RSA is unavailable
     */
    public static boolean ensure(Path privateKey, Path publicKey) throws IOException, GeneralSecurityException {
        if (Files.isRegularFile(privateKey) && Files.isRegularFile(publicKey)) {
            return false;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(KEY_BITS);
        KeyPair pair = generator.generateKeyPair();
        Files.createDirectories(privateKey.getParent());
        Files.createDirectories(publicKey.getParent());
        writePrivate(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        return true;
    }

    /**
     * @param type    PEM label, e.g. {@code PUBLIC KEY}
     * @param encoded DER bytes
     * @return the PEM text, 64 characters per line
     */
    static String pem(String type, byte[] encoded) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(encoded);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static void writePrivate(Path file, String pem) throws IOException {
        Files.deleteIfExists(file);
        try {
            // Owner-only from creation, so the key is never readable by others, not even briefly.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }
}

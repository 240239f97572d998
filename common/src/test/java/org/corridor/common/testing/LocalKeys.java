package org.corridor.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The RS256 key pair of a test run ({@link JwtTestResource}): {@code private.pem} (PKCS#8, readable by
 * the owner only) and {@code public.pem} (X.509), created on first use in a temporary directory. The
 * service under test reads the public key from {@code mp.jwt.verify.publickey.location} and signs its
 * SERVICE tokens with the private key from {@code smallrye.jwt.sign.key.location}. ({@code ./corridor}
 * and the cross-service tests use local-run's {@code org.corridor.local.LocalKeys}, the same files.)
 */
public final class LocalKeys {

    private final Path dir;

    private LocalKeys(Path dir) {
        this.dir = dir;
    }

    /** Uses the key pair in {@code dir}, generating it first if it is not there. */
    public static synchronized LocalKeys ensure(Path dir) {
        LocalKeys keys = new LocalKeys(dir.toAbsolutePath());
        if (!Files.exists(keys.privateKeyPath()) || !Files.exists(keys.publicKeyPath())) {
            keys.generate();
        }
        return keys;
    }

    public Path privateKeyPath() {
        return dir.resolve("private.pem");
    }

    public Path publicKeyPath() {
        return dir.resolve("public.pem");
    }

    public PrivateKey privateKey() {
        try {
            String pem = Files.readString(privateKeyPath());
            String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + privateKeyPath(), e);
        }
    }

    /** A fresh RSA key pair that nobody trusts, for forged-token tests. */
    public static KeyPair untrusted() {
        return newPair();
    }

    private void generate() {
        KeyPair pair = newPair();
        try {
            Files.createDirectories(dir);
            Path priv = privateKeyPath();
            Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on file systems without POSIX permissions
            }
            Files.writeString(publicKeyPath(), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write keys to " + dir, e);
        }
    }

    private static KeyPair newPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}

package org.corridor.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The local RS256 key pair that signs tokens when Corridor runs on one machine: {@code private.pem} (PKCS#8, readable
 * by the owner only) and {@code public.pem} (X.509), created on first use in a directory that is never committed
 * ({@code .corridor/keys} for {@code ./corridor}, a directory under the test's logs for the cross-service tests).
 * Services read the public key from {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION} and sign their SERVICE tokens with the
 * private key from {@code SMALLRYE_JWT_SIGN_KEY_LOCATION}.
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
            PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64));
            return KeyFactory.getInstance("RSA").generatePrivate(spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + privateKeyPath(), e);
        }
    }

    private void generate() {
        KeyPair pair;
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            pair = g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}

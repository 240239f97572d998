package org.corridor.common.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.corridor.local.LocalKeys;

/**
 * Gives a Quarkus test run its own RS256 key pair (made on the fly, never committed): the service trusts its public key
 * and signs its SERVICE tokens with its private key. Tests issue tokens with {@link #tokens()}. Annotate one test class
 * of a module with {@code @QuarkusTestResource(JwtTestResource.class)}; like any test resource it applies to all.
 */
public class JwtTestResource implements QuarkusTestResourceLifecycleManager {

    /** A JVM-wide system property, so that the test resource and the tests (other class loaders) share one pair. */
    private static final String DIR_PROPERTY = "corridor.test.keys";

    @Override
    public Map<String, String> start() {
        LocalKeys keys = keys();
        return Map.of(
                "mp.jwt.verify.publickey.location", keys.publicKeyPath().toUri().toString(),
                "smallrye.jwt.sign.key.location", keys.privateKeyPath().toUri().toString());
    }

    @Override
    public void stop() {
        // the keys live in a temporary directory for the rest of the JVM; nothing to release
    }

    /** The key pair of this test JVM. */
    public static synchronized LocalKeys keys() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("corridor-test-keys").toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty(DIR_PROPERTY, dir);
        }
        return LocalKeys.ensure(Path.of(dir));
    }

    /** Issues tokens the service under test trusts. */
    public static Tokens tokens() {
        return new Tokens(keys());
    }
}

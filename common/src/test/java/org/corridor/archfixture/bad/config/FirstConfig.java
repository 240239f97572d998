package org.corridor.archfixture.bad.config;

import io.smallrye.config.ConfigMapping;

/** Fixture: one of two configuration roots. */
@ConfigMapping(prefix = "fixture.first")
public interface FirstConfig {
    String name();
}

package org.corridor.archfixture.bad.config;

import io.smallrye.config.ConfigMapping;

/** Fixture: the second of two configuration roots. */
@ConfigMapping(prefix = "fixture.second")
public interface SecondConfig {
    String name();
}

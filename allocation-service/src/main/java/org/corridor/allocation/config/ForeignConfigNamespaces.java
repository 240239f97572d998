package org.corridor.allocation.config;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;

/**
 * {@link AllocationConfig} maps the {@code corridor} prefix, and SmallRye Config refuses to start when a property under
 * a mapped prefix maps to nothing (a typo in {@code corridor.plans.*} is caught that way). Some {@code corridor.*}
 * properties belong to others: common's security settings ({@code corridor.security.*}, read by its own beans) and the
 * test keys its test resources set ({@code corridor.test.*}). This leaves them out of that check, and only them.
 * Registered in {@code META-INF/services/io.smallrye.config.SmallRyeConfigBuilderCustomizer}.
 */
public class ForeignConfigNamespaces implements SmallRyeConfigBuilderCustomizer {

    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        builder.withMappingIgnore("corridor.security.**").withMappingIgnore("corridor.test.**");
    }
}

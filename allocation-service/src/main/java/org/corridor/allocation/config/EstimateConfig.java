package org.corridor.allocation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Catalogue item codes the needs estimate proposes ({@code corridor.estimate.*}), one per Sphere
 * purpose. The estimate looks each code up in inventory's catalogue; a code the catalogue does not
 * have is reported as missing instead of proposed.
 */
@ConfigMapping(prefix = "corridor.estimate")
public interface EstimateConfig {

    /** Jerrycan 10-20 l: two per household for carrying and storing water. */
    @WithDefault("WASH-JERRYCAN-20L")
    String waterContainer();

    /** Water purification tablet; one treats {@link #litresPerTablet()} litres. */
    @WithDefault("WASH-PURIFICATION-TABLET")
    String purificationTablet();

    @WithDefault("20")
    int litresPerTablet();

    /** Family tent, 16 m2 floor, 5 persons. */
    @WithDefault("SHELTER-FAMILY-TENT")
    String familyTent();

    /** Food ration for one person for one day (WFP basket, ~2,100 kcal). */
    @WithDefault("FOOD-RATION-DAY")
    String foodRation();

    /** High-energy biscuits, carton of 10 kg. */
    @WithDefault("FOOD-HEB-CARTON")
    String highEnergyBiscuits();

    /** Hygiene kit for one family for one month. */
    @WithDefault("WASH-HYGIENE-KIT")
    String hygieneKit();

    /** Blanket, one per person. */
    @WithDefault("NFI-BLANKET")
    String blanket();
}

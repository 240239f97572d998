package org.corridor.allocation.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.corridor.allocation.config.AllocationConfig;
import org.corridor.allocation.solver.api.AllocationPlanner;
import org.corridor.allocation.solver.api.ConstraintInfo;

/**
 * The solver's constraints with the weight each has when a plan request gives none, and the rules every weight follows,
 * whether configured ({@code corridor.solver.weights}) or asked for in a plan request:
 * <ul>
 * <li>the name is a constraint's name;</li>
 * <li>a HARD constraint's weight is at least {@value #MIN_HARD_WEIGHT}: a hard constraint weighted 0 would be switched
 * off, and a plan could, say, send one team to two sites;</li>
 * <li>a MEDIUM or SOFT weight is at least 0 (0 switches that preference off);</li>
 * <li>no weight is above {@value #MAX_WEIGHT}, 1,000 times the largest built-in weight. The score multiplies each
 * weight by the constraint's raw amount (units, basis points, hours, units of account) and adds them up per level in a
 * {@code long}, which overflows silently beyond 9.2 × 10<sup>18</sup>: with this bound a level stays exact as long as
 * its raw amounts total less than 9.2 × 10<sup>12</sup>, far above what any crisis produces (a thousand items, each
 * unmet in full, is 10<sup>7</sup> basis points).</li>
 * </ul>
 * A bad configured weight stops the service at start-up; a bad requested one is a 400 ({@link ValidWeights}).
 */
@ApplicationScoped
public class ConstraintCatalogue {

    /** The largest weight a constraint may have. */
    public static final long MAX_WEIGHT = 1_000_000L;
    /** The smallest weight a HARD constraint may have. */
    public static final long MIN_HARD_WEIGHT = 1L;

    private static final String HARD = "HARD";

    private final AllocationPlanner planner;
    private final AllocationConfig.Solver settings;

    public ConstraintCatalogue(AllocationPlanner planner, AllocationConfig config) {
        this.planner = planner;
        this.settings = config.solver();
    }

    /** Every constraint in the order of the constraint provider; the configured weight, else the built-in one. */
    public List<ConstraintWeight> list() {
        Map<String, Long> configured = settings.weights();
        return planner.constraints().stream()
                .map(c -> new ConstraintWeight(c.name(), c.level(),
                        configured.getOrDefault(c.name(), c.defaultWeight()), c.description()))
                .toList();
    }

    /**
     * What is wrong with {@code weights} (constraint name to weight), one sentence per mistake, or an empty list when
     * they follow the rules above. A null weight is left to {@code @NotNull}.
     */
    public List<String> mistakes(Map<String, Long> weights) {
        List<String> mistakes = new ArrayList<>();
        if (weights == null || weights.isEmpty()) {
            return mistakes;
        }
        Set<String> unknown = new TreeSet<>(planner.unknownConstraintNames(weights.keySet()));
        if (!unknown.isEmpty()) {
            mistakes.add("Unknown constraint names in weights: " + unknown + "; known: "
                    + new TreeSet<>(planner.knownConstraintNames()));
        }
        for (ConstraintInfo c : planner.constraints()) {
            Long w = weights.get(c.name());
            if (w == null) {
                continue;
            }
            long min = HARD.equals(c.level()) ? MIN_HARD_WEIGHT : 0;
            if (w < min || w > MAX_WEIGHT) {
                mistakes.add("the weight of '" + c.name() + "' must be from " + min + " to " + MAX_WEIGHT
                        + (min > 0 ? " (a hard constraint cannot be switched off)" : "") + ", got " + w);
            }
        }
        return mistakes;
    }

    /** Refuses to start with configured weights that break the rules: every plan would be solved with them. */
    void checkConfiguredWeights(@Observes StartupEvent event) {
        List<String> mistakes = mistakes(settings.weights());
        if (!mistakes.isEmpty()) {
            throw new IllegalStateException("corridor.solver.weights: " + String.join("; ", mistakes));
        }
    }

    /**
     * The weights of a plan request follow the rules of {@link ConstraintCatalogue}; each mistake is one violation
     * (400), naming the constraint.
     */
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = WeightsCheck.class)
    public @interface ValidWeights {

        String message() default "must name known constraints with weights in range";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Checks {@link ValidWeights} with the catalogue. */
    @ApplicationScoped
    public static class WeightsCheck implements ConstraintValidator<ValidWeights, Map<String, Long>> {

        private final ConstraintCatalogue catalogue;

        public WeightsCheck(ConstraintCatalogue catalogue) {
            this.catalogue = catalogue;
        }

        @Override
        public boolean isValid(Map<String, Long> weights, ConstraintValidatorContext context) {
            List<String> mistakes = catalogue.mistakes(weights);
            if (mistakes.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (String mistake : mistakes) {
                context.buildConstraintViolationWithTemplate(literal(mistake)).addConstraintViolation();
            }
            return false;
        }

        /** A message template that reads as the text itself: names from the request are never interpolated. */
        static String literal(String text) {
            return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }
    }
}

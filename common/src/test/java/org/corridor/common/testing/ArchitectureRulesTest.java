package org.corridor.common.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The architecture rules fail when broken: each is run on fixture packages ({@code org.corridor.archfixture}) laid out
 * like a service, one that follows the skeleton and one that breaks it in known ways.
 */
class ArchitectureRulesTest {

    @Test
    void aServiceThatFollowsTheSkeletonPassesEveryRule() {
        Map<String, String> failures = run("org.corridor.archfixture.good");
        assertEquals(Map.of(), failures);
    }

    @Test
    void eachBrokenRuleIsReportedWithTheOffendingClass() {
        Map<String, String> failures = run("org.corridor.archfixture.bad");
        List<String> expected = List.of(
                "use cases must not know the HTTP layer above them",
                "never JAX-RS types such as Response",
                "entities are the bottom layer",
                "the solver is reached only through solver.api",
                "services talk to each other only over HTTP",
                "rest/dto holds request and response records",
                "one injection style: constructors",
                "one @ConfigMapping root per service");
        for (String because : expected) {
            assertTrue(failures.keySet().stream().anyMatch(name -> name.contains(because)),
                    "expected a failure of the rule '" + because + "'; failures: " + failures.keySet());
        }
        assertEquals(expected.size(), failures.size(), "unexpected failures: " + failures.keySet());
        assertTrue(failures.values().stream().anyMatch(m -> m.contains("LeakyService")), failures.toString());
        assertTrue(failures.values().stream().anyMatch(m -> m.contains("NotARecord")), failures.toString());
    }

    private static Map<String, String> run(String base) {
        JavaClasses classes = new ClassFileImporter().importPackages(base);
        Map<String, String> failures = new TreeMap<>();
        List<String> services = List.of("org.corridor.archfixture.good", "org.corridor.archfixture.bad",
                "org.corridor.archfixture.other");
        new ArchitectureRules(base, services).dynamicTests(classes).forEach((DynamicTest t) -> {
            try {
                t.getExecutable().execute();
            } catch (AssertionError e) {
                failures.put(t.getDisplayName(), e.getMessage());
            } catch (Throwable e) {
                throw new AssertionFailedError("rule " + t.getDisplayName() + " could not run", e);
            }
        });
        return failures;
    }
}

package org.corridor.common.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The skeleton every Corridor service follows ({@code docs/architecture.md}), as ArchUnit rules. Each service has one
 * {@code ArchitectureTest} that runs {@link #forService} on its main classes. Package patterns are anchored at the
 * service's base package, so common's own packages (which happen to be named {@code client}, {@code rest}...) never
 * match.
 */
public final class ArchitectureRules {

    /** The base packages of Corridor's services: none may use another's classes. */
    public static final List<String> SERVICES = List.of("org.corridor.inventory", "org.corridor.allocation",
            "org.corridor.shipment");

    private final String base;
    private final List<String> services;

    ArchitectureRules(String base, List<String> services) {
        this.base = base;
        this.services = services;
    }

    public static ArchitectureRules forService(String basePackage) {
        return new ArchitectureRules(basePackage, SERVICES);
    }

    /** The service's main classes (no tests). */
    public JavaClasses mainClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(base);
    }

    private String pkg(String layer) {
        return base + "." + layer + "..";
    }

    /** Every rule, named. */
    public List<ArchRule> rules() {
        List<ArchRule> rules = new ArrayList<>();
        rules.add(noClasses().that().resideInAPackage(pkg("service")).should().dependOnClassesThat()
                .resideInAPackage(pkg("rest")).because("use cases must not know the HTTP layer above them"));
        rules.add(noClasses().that().resideInAPackage(pkg("service")).should().dependOnClassesThat()
                .resideInAPackage("jakarta.ws.rs..")
                .because("use cases take and return records, never JAX-RS types such as Response"));
        rules.add(noClasses().that().resideInAPackage(pkg("domain")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("solver"), pkg("rest"), pkg("service"), pkg("client"), pkg("config"))
                .because("entities are the bottom layer: they import nothing above them, nor the solver"));
        rules.add(noClasses().that().resideOutsideOfPackage(pkg("solver")).should().dependOnClassesThat(
                resideInAPackage(pkg("solver")).and(not(resideInAPackage(pkg("solver.api")))))
                .because("the solver is reached only through solver.api"));
        rules.add(noClasses().that().resideInAnyPackage(pkg("rest"), pkg("domain"), pkg("config"))
                .should().dependOnClassesThat().resideInAPackage(pkg("client"))
                .because("only use cases call other services, through their gateways"));
        rules.add(noClasses().that().resideInAPackage(pkg("client")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("rest"), pkg("service"), pkg("domain"))
                .because("a client knows only the upstream's wire records"));
        String[] others = services.stream().filter(s -> !s.equals(base)).map(s -> s + "..").toArray(String[]::new);
        rules.add(noClasses().should().dependOnClassesThat(resideInAnyPackage(others))
                .because("services talk to each other only over HTTP"));
        rules.add(classes().that().areAnnotatedWith("jakarta.ws.rs.Path").and().areNotInterfaces()
                .should().resideInAPackage(pkg("rest")).because("resources live in rest/"));
        rules.add(classes().that().areAnnotatedWith("org.eclipse.microprofile.rest.client.inject.RegisterRestClient")
                .should().resideInAPackage(base + ".client.*")
                .because("REST clients live in client/<upstream>/"));
        rules.add(classes().that().resideInAPackage(pkg("rest.dto")).and().areTopLevelClasses()
                .should(beRecords()).because("rest/dto holds request and response records, one per file"));
        rules.add(classes().that().areAnnotatedWith("io.smallrye.config.ConfigMapping")
                .should().resideInAPackage(pkg("config")).because("configuration lives in config/"));
        rules.add(NO_CLASSES_SHOULD_USE_FIELD_INJECTION.because("one injection style: constructors"));
        // a service without upstreams has no client package, one without a solver no solver package
        return rules.stream().map(r -> r.allowEmptyShould(true)).toList();
    }

    /** One dynamic test per rule on the service's main classes, plus the single configuration root. */
    public Stream<DynamicTest> dynamicTests() {
        return dynamicTests(mainClasses());
    }

    /** One dynamic test per rule on {@code classes}, plus the single configuration root. */
    public Stream<DynamicTest> dynamicTests(JavaClasses classes) {
        Stream<DynamicTest> ruleTests = rules().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
        DynamicTest oneRoot = DynamicTest.dynamicTest("one @ConfigMapping root per service", () -> {
            long roots = classes.stream().filter(c -> c.isAnnotatedWith("io.smallrye.config.ConfigMapping")).count();
            if (roots > 1) {
                throw new AssertionError(base + " has " + roots + " @ConfigMapping roots; expected one");
            }
        });
        return Stream.concat(ruleTests, Stream.of(oneRoot));
    }

    static ArchCondition<JavaClass> beRecords() {
        return new ArchCondition<>("be records") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                if (!item.isRecord()) {
                    events.add(SimpleConditionEvent.violated(item, item.getName() + " is not a record"));
                }
            }
        };
    }
}

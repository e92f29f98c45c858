package dev.firebreak.engine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine stays free of UI code and of package cycles, and each capability hides its internals. */
@AnalyzeClasses(packages = "dev.firebreak.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTests {

    @ArchTest
    static final ArchRule engineNeverImportsJavaFx = noClasses().that().resideInAPackage("dev.firebreak.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "dev.firebreak.views..",
                    "dev.firebreak.app..");

    @ArchTest
    static final ArchRule enginePackagesAreFreeOfCycles = slices().matching("dev.firebreak.engine.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCapabilityReachesIntoAnotherCapabilitysInternals = com.tngtech.archunit.lang.syntax.ArchRuleDefinition
            .classes().that().resideInAPackage("dev.firebreak.engine..")
            .should(new InternalsStayPrivate());

    /** A class may use {@code engine.X.internal} only if it belongs to capability X itself. */
    static final class InternalsStayPrivate extends com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaClass> {
        InternalsStayPrivate() {
            super("use no other capability's internal package");
        }

        @Override
        public void check(com.tngtech.archunit.core.domain.JavaClass origin, com.tngtech.archunit.lang.ConditionEvents events) {
            for (var dependency : origin.getDirectDependenciesFromSelf()) {
                String target = dependency.getTargetClass().getPackageName();
                String targetCapability = capabilityOfInternal(target);
                if (targetCapability != null && !targetCapability.equals(capability(origin.getPackageName()))) {
                    events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                }
            }
        }

        private static String capability(String packageName) {
            String rest = packageName.startsWith("dev.firebreak.engine.") ? packageName.substring("dev.firebreak.engine.".length()) : "";
            int dot = rest.indexOf('.');
            return dot < 0 ? rest : rest.substring(0, dot);
        }

        private static String capabilityOfInternal(String packageName) {
            return packageName.startsWith("dev.firebreak.engine.") && packageName.contains(".internal")
                    ? capability(packageName) : null;
        }
    }

    @ArchTest
    static final ArchRule engineDoesNotWriteToStandardStreams = com.tngtech.archunit.library.GeneralCodingRules
            .NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
}

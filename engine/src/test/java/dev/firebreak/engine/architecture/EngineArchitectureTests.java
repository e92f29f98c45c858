package dev.firebreak.engine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.Set;

/**
 * The engine stays free of UI code and of package cycles, each capability (and each part of one, such as
 * {@code detect.series}) hides its internals, and detection's parts stay independent of its orchestrator.
 */
@AnalyzeClasses(packages = "dev.firebreak.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTests {

    private static final String DETECT = "dev.firebreak.engine.detect";

    /** What every part of detection shares from {@code detect}'s root: the vocabulary of findings (ADR 0024). */
    static final Set<String> DETECT_VOCABULARY = Set.of("Severity", "Direction", "DetectorKind", "DetectorFamily",
            "DetectorOutput");

    @ArchTest
    static final ArchRule engineNeverImportsJavaFx = noClasses().that().resideInAPackage("dev.firebreak.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "dev.firebreak.views..",
                    "dev.firebreak.app..");

    @ArchTest
    static final ArchRule enginePackagesAreFreeOfCycles = slices().matching("dev.firebreak.engine.(*)..")
            .should().beFreeOfCycles();

    /** Detection's parts (series, ml, composite, health, history, config) and its orchestrator's internal package. */
    @ArchTest
    static final ArchRule detectionPartsAreFreeOfCycles = slices().matching(DETECT + ".(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule detectionPartsUseOnlyTheSharedVocabularyOfTheirRoot = noClasses()
            .that().resideInAPackage(DETECT + ".*..").and().resideOutsideOfPackage(DETECT + ".internal..")
            .should().dependOnClassesThat(inDetectRootOutsideTheVocabulary())
            .because("the orchestrator (DetectionEngine, its events) uses the parts, never the other way round");

    @ArchTest
    static final ArchRule noCapabilityReachesIntoAnotherCapabilitysInternals = classes()
            .that().resideInAPackage("dev.firebreak.engine..")
            .should(new InternalsStayPrivate());

    @ArchTest
    static final ArchRule engineDoesNotWriteToStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    private static DescribedPredicate<JavaClass> inDetectRootOutsideTheVocabulary() {
        return DescribedPredicate.describe("are in " + DETECT + " but not its shared vocabulary " + DETECT_VOCABULARY,
                target -> {
                    JavaClass type = target.getBaseComponentType(); // Severity[] is Severity's
                    while (type.getEnclosingClass().isPresent()) {
                        type = type.getEnclosingClass().get();
                    }
                    return type.getPackageName().equals(DETECT) && !DETECT_VOCABULARY.contains(type.getSimpleName());
                });
    }

    /**
     * A package {@code P.internal} (and what lies under it) may be used only by {@code P} itself and by
     * {@code P.internal..}: {@code check.internal} by {@code check}, {@code detect.series.internal} by
     * {@code detect.series}. So a part of a capability hides its implementation from the capability's other
     * parts and from the capability's own root: {@code detect}'s orchestrator reaches its parts through their APIs.
     */
    static final class InternalsStayPrivate extends ArchCondition<JavaClass> {
        InternalsStayPrivate() {
            super("use no internal package but its own");
        }

        @Override
        public void check(JavaClass origin, ConditionEvents events) {
            for (var dependency : origin.getDirectDependenciesFromSelf()) {
                String owner = ownerOfInternal(dependency.getTargetClass().getPackageName());
                if (owner != null && !mayUse(origin.getPackageName(), owner)) {
                    events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                }
            }
        }

        static boolean mayUse(String packageName, String owner) {
            return packageName.equals(owner) || packageName.equals(owner + ".internal")
                    || packageName.startsWith(owner + ".internal.");
        }

        /** The package whose {@code internal} this is, or null if it is no internal package of the engine. */
        static String ownerOfInternal(String packageName) {
            if (!packageName.startsWith("dev.firebreak.engine.")) {
                return null;
            }
            int at = (packageName + ".").indexOf(".internal.");
            return at < 0 ? null : packageName.substring(0, at);
        }
    }
}

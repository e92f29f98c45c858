package dev.firebreak.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Whole-product rules, checked where every module is on the classpath: dependencies point inward
 * (app -> views -> engine API), the engine never sees JavaFX, and no package cycles anywhere.
 */
@AnalyzeClasses(packages = "dev.firebreak", importOptions = ImportOption.DoNotIncludeTests.class)
class AppArchitectureTests {

    @ArchTest
    static final ArchRule engineKnowsNothingOfJavaFxViewsOrApp = noClasses().that().resideInAPackage("dev.firebreak.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.firebreak.views..", "dev.firebreak.app..");

    @ArchTest
    static final ArchRule viewsUseOnlyTheEnginesPublicApi = noClasses().that().resideInAPackage("dev.firebreak.views..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.firebreak.engine..internal..", "dev.firebreak.app..");

    @ArchTest
    static final ArchRule onlyTheAppWiresInternals = noClasses().that().resideOutsideOfPackages("dev.firebreak.app..", "dev.firebreak.engine..")
            .should().dependOnClassesThat().resideInAPackage("dev.firebreak.engine..internal..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.firebreak.(*).(*)..").should().beFreeOfCycles();

    /** Screens see ports; only the app's composition root builds, starts and stops engine services. */
    @ArchTest
    static final ArchRule viewsNeverTouchAnEngineService = noClasses().that().resideInAPackage("dev.firebreak.views..")
            .should().dependOnClassesThat().areAnnotatedWith(dev.firebreak.engine.lifecycle.EngineService.class)
            .because("views receive narrow ports from the app's composition root (EngineSession) and never construct an engine service");
}

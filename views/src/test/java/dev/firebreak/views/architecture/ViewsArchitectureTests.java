package dev.firebreak.views.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Views see only the engine's public API, never the app, and their screens do not form cycles. */
@AnalyzeClasses(packages = "dev.firebreak.views", importOptions = ImportOption.DoNotIncludeTests.class)
class ViewsArchitectureTests {

    @ArchTest
    static final ArchRule viewsUseOnlyTheEnginesPublicApi = noClasses().that().resideInAPackage("dev.firebreak.views..")
            .should().dependOnClassesThat().resideInAPackage("dev.firebreak.engine..internal..");

    @ArchTest
    static final ArchRule viewsDoNotKnowTheApp = noClasses().that().resideInAPackage("dev.firebreak.views..")
            .should().dependOnClassesThat().resideInAPackage("dev.firebreak.app..");

    @ArchTest
    static final ArchRule viewPackagesAreFreeOfCycles = slices().matching("dev.firebreak.views.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule viewsDoNotWriteToStandardStreams = com.tngtech.archunit.library.GeneralCodingRules
            .NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    /** Screens see ports; only the app's composition root builds, starts and stops engine services. */
    @ArchTest
    static final ArchRule viewsNeverTouchAnEngineService = noClasses().that().resideInAPackage("dev.firebreak.views..")
            .should().dependOnClassesThat().areAnnotatedWith(dev.firebreak.engine.lifecycle.EngineService.class)
            .because("views receive narrow ports from the app's composition root (EngineSession) and never construct an engine service");
}

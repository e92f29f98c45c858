package dev.firebreak.bench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The benchmarks measure the product as the rest of it uses it: through the engine's (and views') public API,
 * never an internal package, so a figure here is one the console can reach and internals stay free to change.
 */
@AnalyzeClasses(packages = "dev.firebreak.bench", importOptions = ImportOption.DoNotIncludeTests.class)
class BenchArchitectureTests {

    @ArchTest
    static final ArchRule benchUsesOnlyPublicApis = noClasses().that().resideInAPackage("dev.firebreak.bench..")
            .should().dependOnClassesThat().resideInAPackage("dev.firebreak..internal..");
}

package dev.regtrain.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine is pure arithmetic: JDK and ojalgo only (the JDK's incubating Vector API included, for the vector
 * kernel), no framework, no files, no clock, no threads. The data package is framework-free too: the JDK, the engine
 * and Jackson's CSV parser. Plots only draw: XChart and the JDK.
 */
@AnalyzeClasses(packages = "dev.regtrain", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule engineUsesOnlyTheJdkAndOjalgo = noClasses().that().resideInAPackage("dev.regtrain.engine..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.regtrain.engine..", "java.lang..",
                    "java.util..", "java.math..", "java.nio", "java.nio.charset", "jdk.incubator.vector..", "org.ojalgo..")
            .because("the engine is JDK and ojalgo only");

    @ArchTest
    static final ArchRule engineHasNoFrameworkFilesOrClock = noClasses().that().resideInAPackage("dev.regtrain.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "tools.jackson..",
                    "com.fasterxml.jackson..", "java.io..", "java.nio.file..", "java.time..", "java.util.concurrent..")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callConstructor(Thread.class)
            .because("the engine reads no files, no clock and starts no threads");

    @ArchTest
    static final ArchRule dataUsesOnlyTheJdkTheEngineAndTheCsvParser = noClasses()
            .that().resideInAPackage("dev.regtrain.data..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.regtrain.data..", "dev.regtrain.engine..",
                    "java..", "tools.jackson.core..", "tools.jackson.databind..", "tools.jackson.dataformat.csv..")
            .because("datasets are framework-free: no Spring, only the JDK, the engine and a CSV parser");

    @ArchTest
    static final ArchRule plotsDrawWithXChartAndReadOnlyJobsAndTheEngine = noClasses()
            .that().resideInAPackage("dev.regtrain.plots..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.regtrain.plots..", "dev.regtrain.jobs..",
                    "dev.regtrain.engine..", "java..", "javax.imageio..", "org.knowm.xchart..")
            .because("plots are drawn from a job's record, metrics and model: no Spring, no HTTP, no storage");

    @ArchTest
    static final ArchRule dependenciesPointOneWay = com.tngtech.archunit.library.Architectures.layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("api").definedBy("dev.regtrain.api..")
            .layer("plots").definedBy("dev.regtrain.plots..")
            .layer("storage").definedBy("dev.regtrain.storage..")
            .layer("jobs").definedBy("dev.regtrain.jobs..")
            .layer("data").definedBy("dev.regtrain.data..")
            .layer("engine").definedBy("dev.regtrain.engine..")
            .layer("config").definedBy("dev.regtrain.config..")
            .whereLayer("api").mayNotBeAccessedByAnyLayer()
            .whereLayer("plots").mayOnlyBeAccessedByLayers("api")
            .whereLayer("storage").mayNotBeAccessedByAnyLayer()
            .whereLayer("jobs").mayOnlyBeAccessedByLayers("api", "storage", "plots")
            .whereLayer("data").mayOnlyBeAccessedByLayers("jobs", "api", "storage")
            .whereLayer("engine").mayOnlyBeAccessedByLayers("data", "jobs", "api", "storage", "config", "plots")
            .because("api → jobs → engine and data → engine; api → plots → jobs; storage implements the ports that "
                    + "jobs declares");
}

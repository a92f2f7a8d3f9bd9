package dev.regtrain.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of the house (STYLE.md): dependencies point one way, towards the engine; every package names the
 * packages of ours it may use, and nothing else; no two packages need each other.
 *
 * <p>The engine is pure arithmetic: JDK and ojalgo only (the JDK's incubating Vector API included, for the vector
 * kernel), no framework, no files, no clock, no threads. The data package is framework-free too: the JDK, the engine
 * and Jackson's CSV parser. Plots only draw: XChart and the JDK.
 */
@AnalyzeClasses(packages = "dev.regtrain", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /**
     * What each package of ours may use besides itself. Libraries are ruled by the rules below, ours by this table:
     * a package missing here, or a dependency not listed, fails {@link #everyPackageUsesOnlyWhatItsRowAllows}.
     */
    static final Map<String, List<String>> ALLOWED = new LinkedHashMap<>();

    static {
        allow("engine.kernel");
        allow("engine", "engine.kernel");
        allow("engine.state", "engine");
        allow("common");
        allow("config");
        allow("security", "common");
        allow("data", "engine", "engine.state");
        allow("data.augment", "data", "engine");
        allow("models.document", "engine");
        allow("models.onnx", "engine", "models.document");
        allow("jobs.request", "common", "config", "data", "data.augment", "engine", "models.document");
        allow("jobs.cores", "config", "engine", "engine.kernel");
        allow("datasets", "common", "config", "data", "data.augment", "engine", "jobs.request", "models.document",
                "security");
        allow("jobs", "common", "config", "data", "data.augment", "datasets", "engine", "jobs.cores", "jobs.request",
                "models.document", "security");
        allow("idempotency", "common", "config");
        allow("studies", "common", "config", "data", "datasets", "engine", "jobs", "jobs.request", "models.document",
                "security");
        allow("webhooks", "common", "config", "jobs", "studies");
        allow("models", "common", "config", "data", "datasets", "engine", "jobs", "jobs.request", "models.document",
                "models.onnx");
        allow("plots", "engine", "jobs", "jobs.request", "models", "models.document");
        allow("storage.file", "common", "config", "data", "datasets", "engine", "engine.state", "idempotency", "jobs",
                "models.document", "security", "studies", "webhooks");
        allow("storage.postgres", "common", "config", "data", "datasets", "engine", "engine.state", "idempotency",
                "jobs", "models.document", "security", "studies", "webhooks");
        allow("api", "common", "config", "data", "datasets", "engine", "idempotency", "jobs", "jobs.request", "models",
                "models.document", "models.onnx", "plots", "security", "studies", "webhooks");
        allow("");
    }

    private static void allow(String pkg, String... others) {
        ALLOWED.put(pkg, Arrays.asList(others));
    }

    private static String full(String pkg) {
        return pkg.isEmpty() ? "dev.regtrain" : "dev.regtrain." + pkg;
    }

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.regtrain.(**)").should().beFreeOfCycles()
            .because("a package that needs another which needs it back is one package in two folders");

    @TestFactory
    Stream<DynamicTest> everyPackageUsesOnlyWhatItsRowAllows() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.regtrain");
        Set<String> packages = new TreeSet<>();
        classes.forEach(c -> packages.add(c.getPackageName().substring("dev.regtrain".length()).replaceFirst("^\\.", "")));
        assertThat(ALLOWED.keySet()).as("every package has a row in ALLOWED").containsAll(packages);
        return ALLOWED.entrySet().stream().map(row -> DynamicTest.dynamicTest(row.getKey().isEmpty() ? "(root)"
                : row.getKey(), () -> {
            String[] mayUse = Stream.concat(Stream.of(row.getKey()), row.getValue().stream())
                    .map(ArchitectureTests::full).toArray(String[]::new);
            DescribedPredicate<JavaClass> ours = resideInAPackage("dev.regtrain..");
            noClasses().that().resideInAPackage(full(row.getKey()))
                    .should().dependOnClassesThat(ours.and(DescribedPredicate.not(resideInAnyPackage(mayUse))))
                    .because("the table ALLOWED says what " + full(row.getKey()) + " may use")
                    .allowEmptyShould(true)
                    .check(classes);
        }));
    }

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
    static final ArchRule plotsOnlyDraw = noClasses()
            .that().resideInAPackage("dev.regtrain.plots..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.regtrain..", "java..", "javax.imageio..",
                    "org.knowm.xchart..")
            .because("plots are drawn from a job's record, metrics and model: no Spring, no HTTP, no storage");

    @ArchTest
    static final ArchRule theApiAndPlotsReadTheEnginesRowsButDoNotTrain = noClasses()
            .that().resideInAnyPackage("dev.regtrain.api..", "dev.regtrain.plots..")
            .should().dependOnClassesThat(resideInAPackage("dev.regtrain.engine..").and(DescribedPredicate.not(
                    JavaClass.Predicates.belongToAnyOf(dev.regtrain.engine.EpochMetrics.class,
                            dev.regtrain.engine.LayerMetrics.class, dev.regtrain.engine.Finding.class))))
            .because("HTTP and drawing go through the features; what they show of the engine is its metrics rows "
                    + "and the findings the features draw from them");

    @ArchTest
    static final ArchRule theApiUsesDataOnlyForTheCatalogueAndItsErrors = noClasses()
            .that().resideInAPackage("dev.regtrain.api..")
            .should().dependOnClassesThat(resideInAPackage("dev.regtrain.data..").and(DescribedPredicate.not(
                    JavaClass.Predicates.simpleNameEndingWith("Exception")
                            .or(JavaClass.Predicates.belongToAnyOf(dev.regtrain.data.BuiltinDatasets.class,
                                    dev.regtrain.data.GeneratorInfo.class, dev.regtrain.data.ParameterInfo.class,
                                    dev.regtrain.data.ImageShape.class, dev.regtrain.data.Task.class,
                                    dev.regtrain.data.TaskChoice.class)))))
            .because("datasets are read, prepared and trained on by the features; the API lists the generators and "
                    + "the tasks, parses image shapes and maps the data errors to problems");

    @ArchTest
    static final ArchRule onlyTheApiSpeaksHttp = noClasses()
            .that().resideOutsideOfPackage("dev.regtrain.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
                    "jakarta.servlet..")
            .because("features are used by controllers; HTTP stays in api");

    @ArchTest
    static final ArchRule onlyStorageAdaptersTouchFiles = noClasses()
            .that().resideOutsideOfPackages("dev.regtrain.storage..", "dev.regtrain.api..", "dev.regtrain.config..",
                    "dev.regtrain.data..")
            .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..")
            .because("features keep their data through their ports; the adapters own the files");
}

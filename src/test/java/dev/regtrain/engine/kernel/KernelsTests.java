package dev.regtrain.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelsTests {

    @Test
    void theTestJvmHasTheVectorModuleSoAutoPicksTheVectorKernel() {
        assertThat(Kernels.vectorAvailable()).as("surefire passes --add-modules jdk.incubator.vector").isTrue();

        assertThat(Kernels.select("auto")).isSameAs(VectorKernel.INSTANCE);
        assertThat(Kernels.select("vector").name()).isEqualTo("vector");
        assertThat(Kernels.select(" Vector ")).isSameAs(VectorKernel.INSTANCE);
    }

    @Test
    void ojalgoIsAlwaysSelectable() {
        assertThat(Kernels.select("ojalgo")).isSameAs(OjalgoKernel.INSTANCE);
        assertThat(Kernels.select("OJALGO").name()).isEqualTo("ojalgo");
    }

    @Test
    void anUnknownNameIsRejectedWithTheChoices() {
        assertThatThrownBy(() -> Kernels.select("blas")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auto, vector, ojalgo");
        assertThatThrownBy(() -> Kernels.select(null)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A JVM without the module: auto falls back to ojalgo, vector explains the flag, no vector class is loaded. */
    @Test
    void withoutTheModuleAutoFallsBackToOjalgoAndVectorTellsHowToEnableIt() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xlog:class+load=info", "-cp",
                System.getProperty("java.class.path"), WithoutModule.class.getName()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).contains("available=false", "auto=ojalgo",
                "vector=IllegalArgumentException: the vector kernel needs the module jdk.incubator.vector: start the"
                        + " JVM with --add-modules jdk.incubator.vector");
        assertThat(output).contains("dev.regtrain.engine.kernel.Kernels ")
                .doesNotContain("dev.regtrain.engine.kernel.VectorKernel", "dev.regtrain.engine.kernel.VectorProduct",
                        "dev.regtrain.engine.kernel.VectorMicroKernel", "jdk.incubator.vector.DoubleVector");
    }

    /** Run in a child JVM started without --add-modules jdk.incubator.vector. */
    static final class WithoutModule {
        public static void main(String[] args) {
            System.out.println("available=" + Kernels.vectorAvailable());
            System.out.println("auto=" + Kernels.select("auto").name());
            try {
                Kernels.select("vector");
                System.out.println("vector=selected");
            } catch (IllegalArgumentException e) {
                System.out.println("vector=IllegalArgumentException: " + e.getMessage());
            }
        }
    }
}

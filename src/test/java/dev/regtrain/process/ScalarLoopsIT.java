package dev.regtrain.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.engine.kernel.ElementLoopsProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * ElementLoops promises the same bits with and without the Vector API module (the scalar loops are the vector loops'
 * order, one element at a time): a JVM of each kind runs {@link ElementLoopsProbe} on the same inputs, and every
 * result line must match.
 */
class ScalarLoopsIT {

    @Test
    void theScalarLoopsGiveTheVectorLoopsBits() throws Exception {
        List<String> vector = probe(true);
        List<String> scalar = probe(false);

        assertThat(vector.get(0)).isEqualTo("vector=true");
        assertThat(scalar.get(0)).isEqualTo("vector=false");
        assertThat(vector).hasSize(10);
        assertThat(scalar.subList(1, scalar.size())).containsExactlyElementsOf(vector.subList(1, vector.size()));
    }

    private static List<String> probe(boolean withVectorModule) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path")));
        if (withVectorModule) {
            command.addAll(1, List.of("--add-modules", "jdk.incubator.vector"));
        }
        command.add(ElementLoopsProbe.class.getName());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}

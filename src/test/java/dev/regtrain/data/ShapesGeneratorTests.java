package dev.regtrain.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ShapesGeneratorTests {

    private static Dataset shapes(double noise, long seed) {
        return BuiltinDatasets.generate("shapes", Map.of("samples", 40.0, "size", 12.0, "noise", noise), seed);
    }

    @Test
    void imagesAreSizeBySizeWithBalancedNamedShapes() {
        Dataset data = shapes(0, 1);

        assertThat(data.imageShape()).isEqualTo(new ImageShape(12, 12, 1));
        assertThat(data.inputs()).isEqualTo(144);
        assertThat(data.classes()).containsExactly("circle", "square", "triangle", "cross");
        int[] counts = new int[4];
        for (int label : data.labels()) {
            counts[label]++;
        }
        assertThat(counts).containsExactly(10, 10, 10, 10);
    }

    @Test
    void withoutNoisePixelsLieInZeroToOneWithAnEmptyBackgroundAndAVisibleOutline() {
        Dataset data = shapes(0, 2);

        for (int i = 0; i < data.rows(); i++) {
            int lit = 0;
            int dark = 0;
            for (int p = 0; p < 144; p++) {
                double v = data.features()[i * 144 + p];
                assertThat(v).isBetween(0.0, 1.0);
                lit += v > 0.5 ? 1 : 0;
                dark += v == 0 ? 1 : 0;
            }
            assertThat(lit).as("image %d has a drawn outline", i).isGreaterThan(8);
            assertThat(dark).as("image %d has background", i).isGreaterThan(50);
        }
    }

    @Test
    void theSameSeedDrawsTheSameImagesAndTheDescriptionMatches() {
        assertThat(shapes(0.1, 3)).isEqualTo(shapes(0.1, 3));
        assertThat(shapes(0.1, 3)).isNotEqualTo(shapes(0.1, 4));
        DatasetDescription described = BuiltinDatasets.describe("shapes", Map.of("samples", 40.0, "size", 12.0,
                "classes", 3.0));
        assertThat(described).isEqualTo(new DatasetDescription(40, 144, Task.CLASSIFICATION,
                java.util.List.of("circle", "square", "triangle"), new ImageShape(12, 12, 1)));
    }
}

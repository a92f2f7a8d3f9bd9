package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class AugmentationEndpointsTests extends ServiceTest {

    private byte[] png(String path) {
        return http.get().uri(path).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    @Test
    void aBuiltinImageDatasetIsPreviewedAsAGridOfOriginalsAndAugmentedVersions() throws Exception {
        byte[] bytes = png("/api/v1/datasets/builtin/shapes/preview?size=16&shift=2&rotationDegrees=15&zoom=0.1"
                + "&samples=4&versions=3");

        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        // 16-pixel images enlarged 5× to 80-pixel cells, 4-pixel gaps, 4 columns, 4 rows
        assertThat(image.getWidth()).isEqualTo(4 * (80 + 4) + 8);
        assertThat(image.getHeight()).isEqualTo(4 * (80 + 4) + 4);
    }

    @Test
    void anUploadedImageDatasetCanBePreviewedButATableCannot() {
        StringBuilder csv = new StringBuilder("p1,p2,p3,p4,p5,p6,p7,p8,p9,label\n");
        for (int i = 0; i < 6; i++) {
            csv.append(i % 2 == 0 ? "0,1,0,1,1,1,0,1,0,plus\n" : "1,0,1,0,1,0,1,0,1,cross\n");
        }
        String image = upload("?name=tiles&imageShape=3x3", csv.toString()).get("id").asString();
        String table = upload("?name=table", DatasetEndpointsTests.flowers(5)).get("id").asString();

        assertThat(png("/api/v1/datasets/" + image + "/preview?flipHorizontal=true")).isNotEmpty();
        http.get().uri("/api/v1/datasets/" + table + "/preview?shift=1").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("imageShape");
        http.get().uri("/api/v1/datasets/" + image + "/preview?shift=5").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("shift");
        http.get().uri("/api/v1/datasets/" + image + "/preview?zoom=much").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("zoom");
    }

    @Test
    void aJobTrainsWithAugmentationAndEchoesEverySetting() {
        String id = submit("""
                {"seed": 3, "dataset": {"builtin": "shapes", "samples": 200, "size": 12}, "validationSplit": 0.5,
                 "network": {"hidden": [{"units": 32, "activation": "relu"}]},
                 "training": {"epochs": 5, "optimizer": "adam", "learningRate": 0.003},
                 "regularization": {"augmentation": {"shift": 2, "rotationDegrees": 10, "mixup": 0.2}}}
                """);

        JsonNode job = awaitFinal(id);

        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        JsonNode augmentation = job.get("request").get("regularization").get("augmentation");
        assertThat(augmentation.get("shift").asInt()).isEqualTo(2);
        assertThat(augmentation.get("flipHorizontal").asBoolean()).isFalse();
        assertThat(augmentation.get("zoom").asDouble()).isZero();
        assertThat(augmentation.get("mixup").asDouble()).isEqualTo(0.2);
        assertThat(job.get("data").get("classes").toString()).isEqualTo("[\"circle\",\"square\",\"triangle\",\"cross\"]");
    }

    @Test
    void imageTransformsOnATableAreRefusedButMixupAndNoiseAreNot() {
        http.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON)
                .body("{\"dataset\": {\"builtin\": \"moons\"}, \"regularization\": {\"augmentation\": {\"shift\": 2}}}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("regularization.augmentation.shift");

        String id = submit(moonsJob(2, "\"regularization\": {\"augmentation\": {\"gaussianNoise\": 0.1, \"mixup\": 0.2}}"));
        assertThat(awaitFinal(id).get("status").asString()).isEqualTo("SUCCEEDED");
    }
}

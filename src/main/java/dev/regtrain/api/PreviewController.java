package dev.regtrain.api;

import dev.regtrain.datasets.PreviewService;
import dev.regtrain.jobs.request.AugmentationRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Datasets")
class PreviewController {

    /** The preview's own query parameters; the others of a built-in preview are its generator's parameters. */
    private static final Set<String> OWN = Stream.concat(Stream.of("samples", "versions", "seed"),
            Arrays.stream(AugmentationRequest.class.getRecordComponents()).map(RecordComponent::getName))
            .collect(Collectors.toUnmodifiableSet());

    private final PreviewService previews;

    PreviewController(PreviewService previews) {
        this.previews = previews;
    }

    @GetMapping(path = "/api/v1/datasets/{id}/preview", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(operationId = "previewDataset", summary = "Preview augmentation on an uploaded image dataset",
            description = "A PNG grid: one row per sample, the original first, then augmented versions, drawn as "
                    + "training would draw them. Settings as in regularization.augmentation, e.g. "
                    + "?shift=2&rotationDegrees=12&zoom=0.1.")
    @ApiResponse(responseCode = "200", description = "The preview", content = @Content(mediaType = "image/png",
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "400", description = "Not an image dataset, or a setting out of range")
    ResponseEntity<byte[]> uploaded(@PathVariable String id, @ParameterObject AugmentationRequest settings,
                                  @Parameter(description = "Samples shown (rows), 1–16") @RequestParam(defaultValue = "6") int samples,
                                  @Parameter(description = "Augmented versions per sample, 1–10") @RequestParam(defaultValue = "5") int versions,
                                  @Parameter(description = "Seed of the random transforms") @RequestParam(defaultValue = "1") long seed) {
        return PlotController.png(PreviewImages.png(previews.ofUpload(id, settings, samples, versions, seed)));
    }

    @GetMapping(path = "/api/v1/datasets/builtin/{name}/preview", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(operationId = "previewBuiltinDataset", summary = "Preview augmentation on a built-in image dataset",
            description = "As for uploads; the generator's own parameters (e.g. size, classes, noise for shapes) "
                    + "may be given too. Try /api/v1/datasets/builtin/shapes/preview?shift=2&rotationDegrees=15")
    @ApiResponse(responseCode = "200", description = "The preview", content = @Content(mediaType = "image/png",
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "400", description = "No such generator, a generator that makes no images, or a "
            + "setting or generator parameter out of range")
    ResponseEntity<byte[]> builtin(@Parameter(description = "A built-in generator that makes images, e.g. shapes")
                                   @PathVariable String name, @ParameterObject AugmentationRequest settings,
                                   @Parameter(description = "Samples shown (rows), 1–16")
                                   @RequestParam(defaultValue = "6") int samples,
                                   @Parameter(description = "Augmented versions per sample, 1–10")
                                   @RequestParam(defaultValue = "5") int versions,
                                   @Parameter(description = "Seed of the random transforms")
                                   @RequestParam(defaultValue = "1") long seed,
                                   @Parameter(hidden = true) @RequestParam Map<String, String> all) {
        Map<String, Double> generator = new LinkedHashMap<>();
        all.forEach((key, value) -> {
            if (!OWN.contains(key)) {
                try {
                    generator.put(key, Double.parseDouble(value));
                } catch (NumberFormatException e) {
                    throw new dev.regtrain.common.InvalidRequestException(key, "must be a number");
                }
            }
        });
        return PlotController.png(PreviewImages.png(previews.ofBuiltin(name, generator, settings, samples, versions, seed)));
    }
}

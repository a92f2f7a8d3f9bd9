package dev.regtrain.datasets;

import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.jobs.request.PlanFactory;
import dev.regtrain.data.BuiltinDatasets;
import dev.regtrain.data.Dataset;
import dev.regtrain.data.Standardization;
import dev.regtrain.data.augment.AugmentationSettings;
import dev.regtrain.data.augment.Augmenter;
import dev.regtrain.engine.RandomPurpose;
import dev.regtrain.engine.Rng;
import dev.regtrain.jobs.request.AugmentationRequest;
import dev.regtrain.jobs.request.Augmentations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Shows what augmentation settings do to a dataset's images before anyone trains with them. */
@Service
public class PreviewService {

    private static final int MAX_SAMPLES = 16;
    private static final int MAX_VERSIONS = 10;

    private final DatasetService datasets;

    public PreviewService(DatasetService datasets) {
        this.datasets = datasets;
    }

    public Preview ofUpload(String datasetId, AugmentationRequest settings, int samples, int versions, long seed) {
        return preview(datasets.load(datasetId), settings, samples, versions, seed);
    }

    public Preview ofBuiltin(String name, Map<String, Double> parameters, AugmentationRequest settings, int samples,
                             int versions, long seed) {
        Map<String, Double> filled = BuiltinDatasets.withDefaults(name, parameters);
        Map<String, Double> small = new java.util.LinkedHashMap<>(filled);
        small.put("samples", (double) Math.max(samples, Math.min(filled.get("samples"), 64)));
        return preview(BuiltinDatasets.generate(name, small, seed), settings, samples, versions, seed);
    }

    private Preview preview(Dataset data, AugmentationRequest requested, int samples, int versions, long seed) {
        if (data.imageShape() == null) {
            throw new InvalidRequestException("imageShape", "the dataset has no imageShape; previews show images "
                    + "(upload with ?imageShape=HxW)");
        }
        if (samples < 1 || samples > MAX_SAMPLES || versions < 1 || versions > MAX_VERSIONS) {
            throw new InvalidRequestException(samples < 1 || samples > MAX_SAMPLES ? "samples" : "versions",
                    "samples must be 1 to " + MAX_SAMPLES + " and versions 1 to " + MAX_VERSIONS);
        }
        AugmentationRequest a = Augmentations.check(requested, data.imageShape());
        if (a.mixup() > 0) {
            throw new InvalidRequestException("mixup", "mixes examples within a training batch and has no preview");
        }
        AugmentationSettings settings = PlanFactory.augmentation(a); // mixup is 0 here
        // The pixel range over every row, as Augmenter.forTraining would measure it with all rows as training rows
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : data.features()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        Augmenter augmenter = new Augmenter(settings, data.imageShape(), Standardization.identity(data.inputs()),
                max - min, 1);
        Rng rng = Rng.of(seed, RandomPurpose.AUGMENT);
        List<double[]> originals = new ArrayList<>();
        List<List<double[]>> augmented = new ArrayList<>();
        for (int s = 0; s < Math.min(samples, data.rows()); s++) {
            double[] image = Arrays.copyOfRange(data.features(), s * data.inputs(), (s + 1) * data.inputs());
            originals.add(image);
            List<double[]> row = new ArrayList<>();
            for (int v = 0; v < versions; v++) {
                row.add(augmenter.augmentImage(image, rng));
            }
            augmented.add(row);
        }
        return new Preview(data.imageShape(), originals, augmented, min, max);
    }
}

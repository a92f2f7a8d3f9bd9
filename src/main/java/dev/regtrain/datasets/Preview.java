package dev.regtrain.datasets;

import dev.regtrain.data.ImageShape;
import java.util.List;

/**
 * Sample images of a dataset beside augmented versions, in raw pixel values.
 *
 * @param originals one image per sample
 * @param augmented per sample, its augmented versions
 * @param min the smallest raw pixel value of the dataset's images, for display
 * @param max the largest
 */
public record Preview(ImageShape shape, List<double[]> originals, List<List<double[]>> augmented, double min,
                      double max) {
}

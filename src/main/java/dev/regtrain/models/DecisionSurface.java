package dev.regtrain.models;

import java.util.List;

/**
 * What a decision-region plot of a two-feature classification draws, in raw feature units: a grid of class
 * probabilities over the data's extent and the training and validation points.
 *
 * @param features the names of the two features (x, then y)
 * @param grid the model's class probabilities at the grid's cell centres, or null while the job has no model
 * @param training training points, thinned to at most {@link DecisionSurfaces#MAX_POINTS}
 * @param trainingRows all training rows, before thinning
 */
public record DecisionSurface(List<String> classes, List<String> features, Extent extent, Grid grid,
                              Points training, Points validation, int trainingRows, int validationRows) {

    /** The rectangle the plot shows: the data's bounding box with a margin. */
    public record Extent(double xMin, double xMax, double yMin, double yMax) {
    }

    /**
     * Probabilities at the centres of {@code columns × rows} equal cells of the extent: cell (i, j), column i from
     * xMin and row j from yMin, is row {@code j·columns + i} of {@code probabilities}.
     */
    public record Grid(int columns, int rows, ClassProbabilities probabilities) {
    }

    /** Points with their class index. */
    public record Points(double[] x, double[] y, int[] labels) {

        public int size() {
            return labels.length;
        }
    }
}

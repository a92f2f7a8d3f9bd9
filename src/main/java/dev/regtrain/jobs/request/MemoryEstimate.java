package dev.regtrain.jobs.request;

import dev.regtrain.engine.NetworkSpec;
import dev.regtrain.engine.Predictor;
import dev.regtrain.engine.TrainingPlan;

/**
 * What a job needs in memory at its peak, by arithmetic on its resolved request before anything is allocated, term
 * by term as the job allocates (MemoryEstimateIT measures real runs against it: the estimate is at least the measured
 * peak and at most twice it). P is the number of weights and biases, s the optimizer's slots per weight (0 sgd, 1
 * momentum, 2 adam); every value is a double.
 *
 * @param parameterBytes the weights, their gradients, the optimizer's slots, the best weights and the epoch-start
 *                       copy that a cancelled epoch rolls back to (weights and slots): (4 + 2s)·P
 * @param checkpointBytes what a checkpoint adds at its peak, (2 + s)·P: a best checkpoint kept to be written later
 *                        (weights and slots; written checkpoints stream from the trainer's buffers and copy nothing)
 *                        beside the weights of the outcome when the run ends, or the checkpoint read at a resume
 *                        until the trainer has taken it in
 * @param batchBytes the buffers of the mini-batch workspaces (the full batch and the last, shorter one):
 *                   activations, deltas, dropout masks, and the vector kernel's packed copies of both operands of
 *                   every product (of the weights too: about 2·P per workspace) and of its sparse weight gradients
 * @param validationBytes the inference workspaces of the validation pass ({@link Predictor#CHUNK_ROWS} rows and the
 *                        rest), with their packed weights (about P each)
 * @param dataBytes the dataset as loaded or generated, its prepared (standardised) training and validation copies,
 *                  the split and the shuffle order, and mixup's buffers
 * @param historyBytes the metrics rows of every epoch, kept with the job and in its training state
 */
public record MemoryEstimate(long parameterBytes, long checkpointBytes, long batchBytes, long validationBytes,
                             long dataBytes, long historyBytes) {

    /** The job's own objects beside its arrays, and the checkpoint writer's buffer. */
    static final long FIXED_BYTES = 4L << 20;

    /** The vector kernel pads the rows of a packed operand to its tile height (16 with AVX-512, 8 with AVX2). */
    private static final int TILE_ROWS = 16;
    /** ... and the columns to its tile width (6 or 4). */
    private static final int TILE_COLUMNS = 6;
    /** Weight gradients of layers with at least this many inputs have a sparse path, with buffers of their own. */
    private static final int SPARSE_MIN_ROWS = 32;
    private static final int SPARSE_DEPTH_BLOCK = 128;

    /** The whole estimate. */
    public long bytes() {
        return parameterBytes + checkpointBytes + batchBytes + validationBytes + dataBytes + historyBytes
                + FIXED_BYTES;
    }

    /**
     * The estimate for a job that trains {@code plan} on {@code rows} examples of which between {@code minTrainRows}
     * and {@code maxTrainRows} train (a stratified split's count is known to a few rows), the rest validate.
     *
     * @param mixup whether mixup augmentation is on (it keeps a copy of the batch)
     */
    static MemoryEstimate of(TrainingPlan plan, long rows, long minTrainRows, long maxTrainRows, boolean mixup) {
        NetworkSpec spec = plan.network();
        long p = spec.parameterCount();
        int slots = plan.optimizer().kind().slots();
        long batch = plan.batchSize() == 0 ? maxTrainRows : Math.min(plan.batchSize(), maxTrainRows);
        long lastBatch = largestRemainder(minTrainRows, maxTrainRows, batch);
        long batchBytes = trainingWorkspace(plan, batch) + (lastBatch > 0 ? trainingWorkspace(plan, lastBatch) : 0);
        long minValidation = rows - maxTrainRows;
        long maxValidation = rows - minTrainRows;
        long validationBytes = 0;
        if (maxValidation > 0) {
            long chunk = Math.min(Predictor.CHUNK_ROWS, maxValidation);
            long rest = maxValidation > chunk ? largestRemainder(minValidation, maxValidation, chunk) : 0;
            validationBytes = inferenceWorkspace(spec, chunk) + (rest > 0 ? inferenceWorkspace(spec, rest) : 0);
        }
        long inputs = spec.inputs();
        long outputs = spec.outputs();
        long dataBytes = 8 * rows * (inputs + 1) + 8 * rows * (inputs + outputs) + 4 * (rows + maxTrainRows)
                + (mixup ? 8 * batch * (inputs + outputs) + 4 * batch : 0);
        long historyBytes = (long) plan.epochs() * (256 + 80L * spec.layerCount());
        return new MemoryEstimate(8 * (4 + 2L * slots) * p, 8 * (2 + slots) * p, batchBytes, validationBytes,
                dataBytes, historyBytes);
    }

    /** The largest {@code m mod batch} over the possible training row counts m (0 when every one divides). */
    private static long largestRemainder(long minRows, long maxRows, long batch) {
        long largest = 0;
        for (long m = Math.max(1, minRows); m <= maxRows; m++) {
            largest = Math.max(largest, m % batch);
        }
        return largest;
    }

    /**
     * A workspace that trains on {@code rows} examples at once: in bytes, per layer l of n[l−1] → n[l] units, the
     * activations and deltas, the dropout masks and dropped outputs, and the kernel's packed operands of the forward
     * product (the batch and the weights), of the weight gradient (the batch's inputs and deltas, and its sparse
     * lists) and of the backward product (the deltas and the weights).
     */
    private static long trainingWorkspace(TrainingPlan plan, long rows) {
        NetworkSpec spec = plan.network();
        long values = rows * (spec.inputs() + 2L * spec.outputs());
        long sparseIndexBytes = 0;
        for (int l = 1; l <= spec.layerCount(); l++) {
            long in = spec.units(l - 1);
            long out = spec.units(l);
            values += 2 * rows * out; // activations, deltas
            values += padded(rows, TILE_ROWS) * in + padded(out, TILE_COLUMNS) * in; // forward: batch, weights
            values += padded(in, TILE_ROWS) * rows + padded(out, TILE_COLUMNS) * rows; // weight gradient
            if (in >= SPARSE_MIN_ROWS) {
                values += rows * out + padded(in, SPARSE_MIN_ROWS) * rows;
                sparseIndexBytes += 4 * (rows * out + out * ((rows + SPARSE_DEPTH_BLOCK - 1) / SPARSE_DEPTH_BLOCK));
            }
            if (l > 1) {
                values += padded(rows, TILE_ROWS) * out + padded(in, TILE_COLUMNS) * out; // backward: deltas, weights
            }
            if (dropRate(plan, l - 1) > 0) {
                values += 2 * rows * in; // the mask and the dropped output of layer l − 1
            }
        }
        return 8 * values + sparseIndexBytes;
    }

    /** An inference workspace of {@code rows} examples: activations and the forward product's packed operands. */
    private static long inferenceWorkspace(NetworkSpec spec, long rows) {
        long values = rows * (spec.inputs() + 2L * spec.outputs());
        for (int l = 1; l <= spec.layerCount(); l++) {
            long in = spec.units(l - 1);
            long out = spec.units(l);
            values += rows * out + padded(rows, TILE_ROWS) * in + padded(out, TILE_COLUMNS) * in;
        }
        return 8 * values;
    }

    private static double dropRate(TrainingPlan plan, int layer) {
        return layer == 0 ? plan.dropout().inputRate() : plan.dropout().hiddenRates().get(layer - 1);
    }

    private static long padded(long count, int multiple) {
        return (count + multiple - 1) / multiple * multiple;
    }
}

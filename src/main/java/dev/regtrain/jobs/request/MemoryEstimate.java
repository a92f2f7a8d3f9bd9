package dev.regtrain.jobs.request;

import dev.regtrain.engine.Predictor;

/**
 * What a job will need in memory at its peak, estimated by arithmetic before it is accepted, so that an oversized job
 * is refused with a clear message instead of running a shared service out of memory.
 */
final class MemoryEstimate {

    private MemoryEstimate() {
    }

    /**
     * Bytes for: the parameters in about 8 + 4·slots copies (weights, gradients, the optimizer's slots, the best and
     * epoch-start copies, and at a checkpoint a snapshot, its bytes and the unwritten best), the mini-batch buffers
     * (about 8 values per unit and row: activations, dropout masks, deltas, the vector kernel's packed operands and
     * the non-zero lists of its sparse weight gradients), the validation chunks, and the data (the raw table and its standardised training and validation copies).
     *
     * @param slots optimizer state per weight: 0 for sgd, 1 for momentum, 2 for adam
     * @param unitsSum the units of all layers, inputs included
     */
    static long bytes(long parameters, int slots, long batchRows, long unitsSum, long rows, long inputs) {
        long parameterCopies = 8 + 4L * slots;
        long batchBuffers = 8 * batchRows * unitsSum;
        long evaluation = 2L * Predictor.CHUNK_ROWS * unitsSum;
        long data = 3 * rows * inputs;
        return 8 * (parameters * parameterCopies + batchBuffers + evaluation + data);
    }
}

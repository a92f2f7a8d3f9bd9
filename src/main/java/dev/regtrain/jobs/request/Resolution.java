package dev.regtrain.jobs.request;

import dev.regtrain.models.document.ModelDocument;

/**
 * A validated request: the echo with every default filled in, the dataset's shape, the warm-start model if any
 * (kept apart from the echo, which only names where it came from), and the memory the job will need.
 */
public record Resolution(JobRequest request, DatasetShape dataset, ModelDocument initialModel,
                         MemoryEstimate memory) {

    public long memoryBytes() {
        return memory.bytes();
    }
}

package dev.regtrain.jobs.request;

import java.util.List;

/** Hidden layers, output ({@code auto|sigmoid|softmax|linear}) and initialisation ({@code auto|he|xavier}). */
public record NetworkRequest(List<HiddenLayerRequest> hidden, String output, String init) {
}

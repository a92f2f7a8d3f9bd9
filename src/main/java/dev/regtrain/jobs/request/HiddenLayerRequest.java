package dev.regtrain.jobs.request;

/** One hidden layer: units and activation ({@code relu|leaky_relu|tanh|sigmoid|linear}). */
public record HiddenLayerRequest(Integer units, String activation) {
}

package dev.regtrain.jobs.request;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;

/**
 * Drop probabilities in [0, 1): for the inputs, and for the hidden layers either one number for all or one per
 * layer. Resolved, {@code hidden} always has one rate per hidden layer.
 */
public record DropoutRequest(Double input,
                             @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Double> hidden) {
}

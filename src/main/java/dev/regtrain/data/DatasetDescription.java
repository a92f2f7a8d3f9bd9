package dev.regtrain.data;

import java.util.List;

/** The shape of a dataset without its data: what a request can be checked against before anything is generated. */
public record DatasetDescription(int rows, int inputs, Task task, List<String> classes, ImageShape imageShape) {
}

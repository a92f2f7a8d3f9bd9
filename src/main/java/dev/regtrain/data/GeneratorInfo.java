package dev.regtrain.data;

import java.util.List;

/** A built-in generator as the catalogue lists it. */
public record GeneratorInfo(String name, Task task, String description, List<ParameterInfo> parameters) {

    public GeneratorInfo {
        if (name == null || name.isBlank() || task == null || description == null || description.isBlank()) {
            throw new IllegalArgumentException("a generator needs a name, a task and a description");
        }
        parameters = List.copyOf(parameters);
    }
}

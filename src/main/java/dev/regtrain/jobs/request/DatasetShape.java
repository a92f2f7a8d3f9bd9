package dev.regtrain.jobs.request;

import dev.regtrain.data.ImageShape;
import dev.regtrain.data.Task;
import java.util.List;

/** What a request needs to know about its dataset before any data is loaded. */
public record DatasetShape(String source, int rows, int inputs, Task task, List<String> classes,
                           ImageShape imageShape) {

    public boolean classification() {
        return task == Task.CLASSIFICATION;
    }
}

package dev.regtrain.jobs.request;

import dev.regtrain.data.BuiltinDatasets;
import dev.regtrain.data.DatasetDescription;
import java.util.Map;

/** Shapes of built-in datasets, from the generators' own descriptions. */
final class BuiltinShapes {

    private BuiltinShapes() {
    }

    static DatasetShape describe(String builtin, Map<String, Double> parameters) {
        DatasetDescription d = BuiltinDatasets.describe(builtin, parameters);
        return new DatasetShape("builtin:" + builtin, d.rows(), d.inputs(), d.task(), d.classes(), d.imageShape());
    }

    static boolean isInteger(String builtin, String parameter) {
        return BuiltinDatasets.catalogue().stream().filter(g -> g.name().equals(builtin))
                .flatMap(g -> g.parameters().stream()).anyMatch(p -> p.name().equals(parameter) && p.integer());
    }
}

package dev.regtrain.jobs.request;

import dev.regtrain.engine.Monitor;
import java.util.List;

/** The checks every monitor shares, for early stopping and for a plateau schedule. */
final class Monitors {

    private Monitors() {
    }

    /**
     * The monitor named at {@code field} (or {@code fallback}), checked against the dataset's task and the split.
     *
     * @param data the dataset's shape, or null when unknown
     */
    static String resolve(String field, String value, String fallback, DatasetShape data, double split,
                          Checks checks) {
        String monitor = checks.choice(field, value, fallback, Choice.MONITOR.names());
        if (data != null && monitor.equals("val_accuracy") && !data.classification()) {
            checks.fail(field, "val_accuracy needs a classification dataset; use val_rmse or val_loss");
        }
        if (data != null && monitor.equals("val_rmse") && data.classification()) {
            checks.fail(field, "val_rmse needs a regression dataset; use val_accuracy or val_loss");
        }
        if (monitor.startsWith("val_") && split == 0) {
            checks.fail("validationSplit", "must be above 0 when " + field + " is " + monitor);
        }
        return monitor;
    }
}

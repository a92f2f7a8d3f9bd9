package dev.regtrain.engine.kernel;

import java.util.Locale;
import java.util.Objects;

/**
 * Chooses the multiply kernel by name: {@code vector}, {@code ojalgo} or {@code auto} (the vector kernel when the JVM
 * was started with {@code --add-modules jdk.incubator.vector}, else ojalgo). {@link VectorKernel} is loaded by
 * reflection, so no class that touches the incubator API is loaded in a JVM without the module.
 */
public final class Kernels {

    static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_KERNEL = "dev.regtrain.engine.kernel.VectorKernel";

    private Kernels() {
    }

    /** Whether the module of the Vector API is in the boot layer of this JVM. */
    public static boolean vectorAvailable() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /** The kernel called {@code name}: auto, vector or ojalgo (case-insensitive), on the calling thread. */
    public static MatrixKernel select(String name) {
        return select(name, TaskRunner.SEQUENTIAL);
    }

    /**
     * The kernel called {@code name}; the vector kernel splits large products into parts run by {@code runner}
     * (ojalgo's kernel ignores it). Results do not depend on the runner.
     */
    public static MatrixKernel select(String name, TaskRunner runner) {
        Objects.requireNonNull(runner, "runner");
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "ojalgo" -> OjalgoKernel.INSTANCE;
            case "vector" -> {
                if (!vectorAvailable()) {
                    throw new IllegalArgumentException("the vector kernel needs the module " + VECTOR_MODULE
                            + ": start the JVM with --add-modules " + VECTOR_MODULE + " (or choose ojalgo or auto)");
                }
                yield loadVectorKernel(runner);
            }
            case "auto" -> vectorAvailable() ? loadVectorKernel(runner) : OjalgoKernel.INSTANCE;
            default -> throw new IllegalArgumentException("unknown kernel '" + name
                    + "' (available: auto, vector, ojalgo)");
        };
    }

    private static MatrixKernel loadVectorKernel(TaskRunner runner) {
        try {
            Class<?> kernel = Class.forName(VECTOR_KERNEL);
            if (runner.parallelism() <= 1) {
                return (MatrixKernel) kernel.getField("INSTANCE").get(null);
            }
            return (MatrixKernel) kernel.getMethod("parallel", TaskRunner.class).invoke(null, runner);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("the vector kernel could not be loaded: " + e, e);
        }
    }
}

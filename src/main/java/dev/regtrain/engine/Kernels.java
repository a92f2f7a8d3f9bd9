package dev.regtrain.engine;

import java.util.Locale;

/**
 * Chooses the multiply kernel by name: {@code vector}, {@code ojalgo} or {@code auto} (the vector kernel when the JVM
 * was started with {@code --add-modules jdk.incubator.vector}, else ojalgo). {@link VectorKernel} is loaded by
 * reflection, so no class that touches the incubator API is loaded in a JVM without the module.
 */
public final class Kernels {

    static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_KERNEL = "dev.regtrain.engine.VectorKernel";

    private Kernels() {
    }

    /** Whether the module of the Vector API is in the boot layer of this JVM. */
    public static boolean vectorAvailable() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /** The kernel called {@code name}: auto, vector or ojalgo (case-insensitive). */
    public static MatrixKernel select(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "ojalgo" -> OjalgoKernel.INSTANCE;
            case "vector" -> {
                if (!vectorAvailable()) {
                    throw new IllegalArgumentException("the vector kernel needs the module " + VECTOR_MODULE
                            + ": start the JVM with --add-modules " + VECTOR_MODULE + " (or choose ojalgo or auto)");
                }
                yield loadVectorKernel();
            }
            case "auto" -> vectorAvailable() ? loadVectorKernel() : OjalgoKernel.INSTANCE;
            default -> throw new IllegalArgumentException("unknown kernel '" + name
                    + "' (available: auto, vector, ojalgo)");
        };
    }

    private static MatrixKernel loadVectorKernel() {
        try {
            return (MatrixKernel) Class.forName(VECTOR_KERNEL).getField("INSTANCE").get(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("the vector kernel could not be loaded: " + e, e);
        }
    }
}

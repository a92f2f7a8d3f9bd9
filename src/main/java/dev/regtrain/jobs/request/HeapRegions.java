package dev.regtrain.jobs.request;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * The unit in which this JVM's collector stores a large array: G1 gives an array of half a region or more regions of
 * its own, so that a 2 MiB array takes 3 MiB of a heap with 1 MiB regions. Other collectors round less than 2 MiB.
 */
final class HeapRegions {

    /** What is assumed when the collector does not say: ZGC's large-object granule. */
    static final long DEFAULT_BYTES = 2L << 20;

    /** This JVM's. */
    static final long BYTES = measure();

    private HeapRegions() {
    }

    private static long measure() {
        try {
            boolean g1 = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                    .anyMatch(name -> name.startsWith("G1"));
            if (g1) {
                String size = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .getVMOption("G1HeapRegionSize").getValue();
                long bytes = Long.parseLong(size);
                return bytes > 0 ? bytes : DEFAULT_BYTES;
            }
        } catch (RuntimeException | LinkageError e) {
            // not a HotSpot JVM: assume the default
        }
        return DEFAULT_BYTES;
    }
}

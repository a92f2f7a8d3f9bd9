package dev.regtrain.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * This machine's double-precision peak: cores × clock × flops per cycle, where a core with AVX-512 does 32 double
 * flops per cycle (two 8-lane FMA units), one with AVX2 and FMA 16, anything else 8. The clock is what
 * /proc/cpuinfo reports. The environment variable PEAK_GFLOPS overrides it. PERFORMANCE.md's 178 GFLOP/s is the
 * AVX-512 case; the AVX2 machine these benchmarks were run on (2 cores at 2.6 GHz) has about 83.
 */
record MachinePeak(double gflops, String how) {

    static MachinePeak detect() {
        String override = System.getenv("PEAK_GFLOPS");
        if (override != null && !override.isBlank()) {
            return new MachinePeak(Double.parseDouble(override), "PEAK_GFLOPS");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            String flags = lines.stream().filter(l -> l.startsWith("flags")).findFirst().orElse("") + " ";
            double mhz = lines.stream().filter(l -> l.startsWith("cpu MHz")).findFirst()
                    .map(l -> Double.parseDouble(l.substring(l.indexOf(':') + 1).trim())).orElse(2_700.0);
            int perCycle = flags.contains(" avx512f ") ? 32 : flags.contains(" avx2 ") && flags.contains(" fma ") ? 16 : 8;
            String isa = perCycle == 32 ? "AVX-512" : perCycle == 16 ? "AVX2+FMA" : "SSE";
            return new MachinePeak(cores * mhz * perCycle / 1_000,
                    String.format(java.util.Locale.ROOT, "%d cores × %.0f MHz × %d flops/cycle (%s)", cores, mhz,
                            perCycle, isa));
        } catch (IOException | RuntimeException e) {
            return new MachinePeak(178.0, "PERFORMANCE.md's machine (no /proc/cpuinfo)");
        }
    }
}

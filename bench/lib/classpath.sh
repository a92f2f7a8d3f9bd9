# Sourced by the benchmarks that run code from the test tree (r1, gemm, augmentation): compiles it and writes the
# classpath, once per run of a script that calls several of them (compare and scaling export BENCH_BUILT=1).
bench_classpath() {
  if [ -z "${BENCH_BUILT:-}" ] || [ ! -f target/bench.classpath ]; then
    ./mvnw -B -q -DskipTests test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >&2
  fi
  echo "target/classes:target/test-classes:$(cat target/bench.classpath)"
}

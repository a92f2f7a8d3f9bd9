# syntax=docker/dockerfile:1

# ---- build: compile and package with the project's own Maven wrapper ----
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY openapi openapi
RUN ./mvnw -B -q -DskipTests package \
 && cp target/regtrain-*.jar /regtrain.jar

# ---- run: a JRE, an unprivileged user, the data directory as a volume ----
# JDK 17, the one the benchmarks measured in full (docs/performance.md: 17 and 25 were measured, 21 was not
# installable here); Temurin's JRE images include jdk.incubator.vector.
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system regtrain \
 && useradd --system --gid regtrain --home-dir /app --shell /usr/sbin/nologin regtrain \
 && mkdir -p /app /data \
 && chown regtrain:regtrain /data
WORKDIR /app
COPY --from=build /regtrain.jar /app/regtrain.jar
# JVM flags, in an argument file the launcher reads: exit on OOM so the orchestrator restarts the service and
# unfinished jobs resume from their checkpoints; and the incubating Vector API module for the engine's vector kernel,
# only if this runtime has it (regtrain.engine.kernel=auto falls back to ojalgo without it, where --add-modules of a
# missing module would stop the JVM from starting). The heap is sized from the container's memory limit.
RUN { echo "-XX:+ExitOnOutOfMemoryError"; \
      if java --list-modules | grep -q '^jdk.incubator.vector@'; then echo "--add-modules jdk.incubator.vector"; fi; \
    } > /app/jvm.args
USER regtrain
ENV REGTRAIN_DATA_DIR=/data
# a container is reached from outside it: listen on every interface, with keys (the first start prints an admin key
# in the log, or set REGTRAIN_SECURITY_BOOTSTRAP_ADMIN_KEY_SHA256); without keys the service refuses to listen there
ENV SERVER_ADDRESS=0.0.0.0 REGTRAIN_SECURITY_MODE=api-key
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "@/app/jvm.args", "-jar", "/app/regtrain.jar"]

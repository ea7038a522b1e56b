# syntax=docker/dockerfile:1
# model-audit in a container (docs/usage.md, "Running it"):
#   docker build -t model-audit .                          (--build-arg DL4J=false: without the DL4J worker)
#   docker run --rm -v "$PWD:/work" model-audit models/
# Stage 1 builds the tool's jar and the DL4J reference worker with Maven and lays them out with
# scripts/install; stage 2 is a Java 17 runtime with that folder only.
FROM maven:3.9-eclipse-temurin-17 AS build
ARG DL4J=true
WORKDIR /src
COPY pom.xml model-audit ./
COPY src/main src/main
COPY scripts/install scripts/class-data-archive scripts/
COPY dl4j-reference/pom.xml dl4j-reference/build-if-stale dl4j-reference/class-data-archive dl4j-reference/
COPY dl4j-reference/src/main dl4j-reference/src/main
# The Maven repository is a build cache, not part of any layer: scripts/install copies the worker's
# jars out of it in the same step.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -Dspotless.check.skip=true package \
    && if [ "$DL4J" = true ]; then \
         dl4j-reference/build-if-stale -Dmaven.test.skip=true \
         && scripts/install /opt/model-audit; \
       else \
         scripts/install --no-dl4j /opt/model-audit; \
       fi

FROM eclipse-temurin:17-jre
COPY --from=build /opt/model-audit /opt/model-audit
RUN ln -s /opt/model-audit/model-audit /usr/local/bin/model-audit
WORKDIR /work
ENTRYPOINT ["model-audit"]
CMD ["--help"]

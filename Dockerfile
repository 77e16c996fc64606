# One runtime image recipe for every Sori service.
#
#   docker build --build-arg SERVICE=ticket-service -t sori/ticket-service .
#
# It packages the Boot jar that Maven already built (./mvnw -DskipTests package
# writes <module>/target/<module>.jar); nothing is compiled inside Docker.
# The jar is split into Spring Boot's layers so that a code change only
# rebuilds the small "application" layer, not the dependencies.

ARG JAVA_IMAGE=eclipse-temurin:17-jre

FROM ${JAVA_IMAGE} AS layers
ARG SERVICE
RUN test -n "${SERVICE}" || { echo "build arg SERVICE is required, e.g. --build-arg SERVICE=gateway" >&2; exit 1; }
WORKDIR /build
COPY ${SERVICE}/target/${SERVICE}.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --destination extracted

FROM ${JAVA_IMAGE}
ARG SERVICE
LABEL org.opencontainers.image.title="sori-${SERVICE}" \
      org.opencontainers.image.description="Sori ${SERVICE}"

# A fixed, unprivileged user: the services need no root and write nothing to disk.
RUN groupadd --system --gid 10001 sori \
 && useradd --system --uid 10001 --gid sori --home-dir /app --shell /usr/sbin/nologin sori

WORKDIR /app
# Least often changed first, so Docker reuses the earlier layers.
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./

USER sori:sori

# Heap sized from the container's memory limit (mem_limit in docker-compose.yml);
# fail fast on OutOfMemoryError so the restart policy replaces a broken JVM.
ENTRYPOINT ["java", \
            "-XX:MaxRAMPercentage=75", \
            "-XX:+ExitOnOutOfMemoryError", \
            "-jar", "/app/app.jar"]

# ConvLab in a container: build with the Maven wrapper, run on a slim JRE with the data inside.
#   docker build -t convlab .
#   docker run -p 8080:8080 -v convlab-runs:/app/runs -v convlab-db:/app/db -e CONVLAB_ADMIN_PASSWORD=... convlab
# With PostgreSQL: add -e SPRING_PROFILES_ACTIVE=postgres -e SPRING_DATASOURCE_URL=jdbc:postgresql://host/convlab ...
# More workers: the same image with the argument `worker` (same database and runs volume).
# A GPU image is built from Dockerfile.gpu (see README.md).

FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY scripts scripts
RUN ./mvnw -B -q dependency:go-offline
COPY frontend frontend
COPY src src
# The committed frontend bundles (src/main/bundles) make this build need no Node.js.
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:21-jre
WORKDIR /app
RUN useradd --system --home /app convlab && mkdir -p /app/runs /app/db && chown convlab /app/runs /app/db
COPY --from=build /src/target/convlab.jar /app/convlab.jar
COPY data /app/data
USER convlab
# A server for a class: accounts and sign-in (personal mode would listen on the loopback only).
ENV CONVLAB_DATA_DIR=/app/data/fashion-mnist \
    CONVLAB_MODE=classroom \
    DJL_OFFLINE=true
EXPOSE 8080
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-jar", "/app/convlab.jar"]

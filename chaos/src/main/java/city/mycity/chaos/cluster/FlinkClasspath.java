package city.mycity.chaos.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The class path of the cluster's JVMs: what a Flink distribution's {@code lib/} holds, and nothing of the job.
 *
 * <p>The build writes it ({@code maven-dependency-plugin:build-classpath}, the groups of
 * {@code flink.cluster.provides} in the stream-jobs POM) to the file named by the system property
 * {@value #PROPERTY}, by default {@code target/flink-cluster.classpath}. Logback, this test JVM's logging backend,
 * is added as the distribution adds Log4j.
 */
final class FlinkClasspath {

    static final String PROPERTY = "mycity.flink.cluster-classpath";

    private FlinkClasspath() {}

    static List<Path> fromBuild() {
        Path file = locate();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No Flink cluster class path at " + file.toAbsolutePath()
                    + ": build stream-jobs with Maven first (mvn verify writes it in generate-test-resources).");
        }
        List<Path> classpath = new ArrayList<>();
        try {
            Arrays.stream(Files.readString(file).trim().split(File.pathSeparator))
                    .filter(entry -> !entry.isBlank())
                    .map(Path::of)
                    .forEach(classpath::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        classpath.add(jarOf("ch.qos.logback.classic.Logger"));
        classpath.add(jarOf("ch.qos.logback.core.Appender"));
        return List.copyOf(classpath);
    }

    /** The property's file, else {@code target/} of the chaos module from here or from the repository root. */
    private static Path locate() {
        String given = System.getProperty(PROPERTY);
        if (given != null) {
            return Path.of(given);
        }
        Path inModule = Path.of("target", "flink-cluster.classpath");
        return Files.isRegularFile(inModule) ? inModule : Path.of("chaos", "target", "flink-cluster.classpath");
    }

    private static Path jarOf(String className) {
        try {
            return Path.of(Class.forName(className)
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException("Logback is not on the test class path (" + className + ")", e);
        }
    }
}

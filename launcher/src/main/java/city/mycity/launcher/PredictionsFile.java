package city.mycity.launcher;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where {@code eval --predictions} writes every forecast: a CSV with a header, or nowhere when no file is given. */
final class PredictionsFile implements AutoCloseable {

    private final BufferedWriter writer;

    private PredictionsFile(BufferedWriter writer) {
        this.writer = writer;
    }

    /** A file with this header line, or nowhere when {@code file} is null. */
    static PredictionsFile open(Path file, String header) throws IOException {
        if (file == null) {
            return new PredictionsFile(null);
        }
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        writer.write(header);
        writer.newLine();
        return new PredictionsFile(writer);
    }

    void row(String line) {
        if (writer == null) {
            return;
        }
        try {
            writer.write(line);
            writer.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the forecasts: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
        }
    }
}

package city.mycity.routing.vrp.io;

import city.mycity.routing.vrp.InvalidProblemException;
import city.mycity.routing.vrp.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads an instance file in whichever format it is: CVRPLIB ({@code NAME : ...}) or Solomon. */
public final class Instances {

    /** The largest instance file read: a 10,000-customer CVRPLIB file is under 400 KB. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private Instances() {}

    public static Problem read(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new InvalidProblemException(file + ": larger than " + MAX_BYTES / (1024 * 1024) + " MB.");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return read(file.getFileName().toString(), text);
    }

    public static Problem read(String source, String text) {
        String first = text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .findFirst()
                .orElse("");
        if (first.startsWith("NAME")) {
            return CvrplibReader.read(source, text);
        }
        if (text.contains("VEHICLE") && text.contains("CUSTOMER")) {
            return SolomonReader.read(source, text);
        }
        throw new InvalidProblemException(
                source + ": neither a CVRPLIB instance (it starts with NAME :) nor a Solomon one (VEHICLE, CUSTOMER).");
    }
}

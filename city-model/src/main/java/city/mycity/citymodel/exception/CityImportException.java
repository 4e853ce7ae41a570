package city.mycity.citymodel.exception;

import java.nio.file.Path;

/** A city model could not be built from its source; the message names the file and what to do. */
public class CityImportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CityImportException(Path file, String problem) {
        super("Cannot import city from " + file + ": " + problem);
    }

    public CityImportException(Path file, String problem, Throwable cause) {
        super("Cannot import city from " + file + ": " + problem, cause);
    }
}

package city.mycity.bench.ceiling;

/**
 * Rows per second into {@code reading}, each method on an emptied table, one connection, the same rows.
 *
 * @param copy binary {@code COPY} straight into the table (the ceiling), 50,000 rows a transaction
 * @param staging per batch: binary {@code COPY} into a temporary staging table, then {@code INSERT … SELECT …
 *     ON CONFLICT DO NOTHING} into the table, one transaction
 * @param unnest per batch: the sink's statement today, {@code INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING}
 */
public record DatabaseFigures(int rows, int batchSize, double copy, double staging, double unnest) {

    /** The faster of the two idempotent methods a sink can use. */
    public String fasterSinkMethod() {
        return staging > unnest ? "COPY via staging" : "unnest";
    }
}

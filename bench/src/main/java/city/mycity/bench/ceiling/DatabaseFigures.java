package city.mycity.bench.ceiling;

/**
 * Rows per second into {@code reading}, each method on an emptied table, one connection, the same rows.
 *
 * @param copy binary {@code COPY} straight into the table (the ceiling), 50,000 rows a transaction
 * @param staging per batch: binary {@code COPY} into a temporary staging table, then {@code INSERT … SELECT …
 *     ON CONFLICT DO NOTHING} into the table, one transaction
 * @param unnest per batch: {@code INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING}
 * @param sink per batch: the sink's statement, binary {@code COPY} in key order behind a savepoint, which falls back to
 *     the {@code unnest} insert when a row is already stored (never, on the emptied table)
 * @param replay the sink's statement again on the same batches, every row already stored (a replay after a restart):
 *     the failed {@code COPY} and then the {@code unnest} insert that skips every row
 */
public record DatabaseFigures(
        int rows, int batchSize, double copy, double staging, double unnest, double sink, double replay) {

    /** The faster of the two idempotent inserts: the sink's fallback should be this one. */
    public String fasterIdempotentInsert() {
        return staging > unnest ? "COPY via staging" : "unnest";
    }
}

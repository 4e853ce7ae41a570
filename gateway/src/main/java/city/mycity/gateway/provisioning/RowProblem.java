package city.mycity.gateway.provisioning;

/**
 * A row of an import that was refused: its line in the file, the column at fault ({@code null} for the whole row) and
 * why.
 */
public record RowProblem(int line, String column, String reason) {

    @Override
    public String toString() {
        return "line " + line + (column == null ? "" : ", " + column) + ": " + reason;
    }
}

package city.mycity.gateway.provisioning;

import java.util.List;

/**
 * What an import did with each row of its file: every data row is created, updated, unchanged or refused.
 *
 * @param rows the data rows read (the header not counted)
 */
public record ImportReport(int rows, int created, int updated, int unchanged, List<RowProblem> refused) {

    public ImportReport {
        refused = List.copyOf(refused);
    }

    @Override
    public String toString() {
        return rows + " row(s): " + created + " created, " + updated + " updated, " + unchanged + " unchanged, "
                + refused.size() + " refused";
    }
}

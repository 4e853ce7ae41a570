package city.mycity.analytics.parking.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BirminghamCsvTest {

    @Test
    void dirty_rows_are_kept_as_given_and_exact_duplicates_once(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("parking.csv"), """
                SystemCodeNumber,Capacity,Occupancy,LastUpdated
                BHMBCCMKT01,577,61,2016-10-04 07:59:42
                BHMBCCMKT01,577,61,2016-10-04 07:59:42
                BHMBCCMKT01,577,601,2016-10-04 08:25:42
                NIA North,470,-8,2016-10-04 08:25:42
                NIA North,470,twelve,2016-10-04 08:59:42
                NIA North,470,12
                """);

        BirminghamCsv.Contents contents = BirminghamCsv.read(file);

        assertThat(contents.records()).extracting(ParkingRecord::occupancy).containsExactly(61, 601, -8);
        assertThat(contents.overCapacity()).isEqualTo(1);
        assertThat(contents.belowZero()).isEqualTo(1);
        assertThat(contents.duplicates()).isEqualTo(1);
        assertThat(contents.unreadable()).hasSize(2).first().asString().startsWith("line 6:");
        assertThat(contents.records().get(0).updatedText()).isEqualTo("2016-10-04 07:59:42");
    }

    @Test
    void a_file_in_another_format_is_refused_with_what_was_expected(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("other.csv"), "a,b,c\n1,2,3\n");

        assertThatThrownBy(() -> BirminghamCsv.read(file)).hasMessageContaining(BirminghamCsv.HEADER);
    }
}

package city.mycity.analytics.bins.eval;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinsEvaluationTest {

    @Test
    void on_edinburghs_bins_the_model_beats_the_previous_fill_over_the_whole_file_and_its_last_weeks() {
        EdinburghCsv.Contents contents =
                EdinburghCsv.read(SharedData.resolve("bins-edinburgh/edinburgh_litter_bin_collections_2016.csv"));
        List<BinsEvaluation.Prediction> predictions = new ArrayList<>();

        BinsEvaluation.Result result = new BinsEvaluation(contents).run(predictions::add);

        assertThat(contents.collections()).isEqualTo(10_000);
        assertThat(contents.bySite()).hasSize(334);
        assertThat(predictions).hasSize(10_000 - 334);
        assertThat(BinsReport.improvement(result)).isGreaterThan(0.10);
        assertThat(result.lateModel().meanAbsoluteError())
                .isLessThan(result.lateBaseline().meanAbsoluteError());
    }

    @Test
    void quoted_fields_with_commas_are_read_and_broken_rows_counted(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(
                folder.resolve("bins.csv"),
                EdinburghCsv.HEADER + "\n"
                        + "1,324948,\"Victoria Street - Outside 34, oink\",Victoria Street,Edinburgh,Mixed,"
                        + "2016-08-09 08:24:51,82.0,0.0,114.3,8.0,0,100\n"
                        + "2,324948,Victoria Street,Victoria Street,Edinburgh,Mixed,2016-08-08 08:24:51,full,0.0,1,1,0,100\n"
                        + "3,324948,Victoria Street,Victoria Street,Edinburgh,Mixed,2016-08-07 08:24:51,40.0,0.0,1,1,1,100\n");

        EdinburghCsv.Contents contents = EdinburghCsv.read(file);

        assertThat(contents.bySite().get("324948")).hasSize(2);
        assertThat(contents.bySite().get("324948").get(1).fillBefore()).isEqualTo(82.0);
        assertThat(contents.partial()).isEqualTo(1);
        assertThat(contents.unreadable()).singleElement().asString().startsWith("line 3:");
    }
}

package city.mycity.gateway.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    @Test
    void reads_plain_rows_with_their_line_numbers() throws IOException {
        assertThat(rows("a,b\r\n1,2\n\n3,\n"))
                .containsExactly(
                        new CsvRows.Row(1, List.of("a", "b")),
                        new CsvRows.Row(2, List.of("1", "2")),
                        new CsvRows.Row(4, List.of("3", "")));
    }

    @Test
    void reads_quoted_fields_with_commas_quotes_and_line_breaks() throws IOException {
        assertThat(rows("\"Acme, Inc.\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext,row"))
                .containsExactly(
                        new CsvRows.Row(1, List.of("Acme, Inc.", "say \"hi\"", "two\nlines")),
                        new CsvRows.Row(3, List.of("next", "row")));
    }

    @Test
    void reads_a_last_line_without_a_line_break() throws IOException {
        assertThat(rows("a,b")).containsExactly(new CsvRows.Row(1, List.of("a", "b")));
    }

    @Test
    void refuses_an_unclosed_quote_and_text_after_a_closing_quote() {
        assertThatThrownBy(() -> rows("a,\"never closed\n"))
                .isInstanceOf(CsvRows.CsvException.class)
                .hasMessageContaining("Line 1");
        assertThatThrownBy(() -> rows("ok\n\"a\"b,c"))
                .isInstanceOf(CsvRows.CsvException.class)
                .hasMessageContaining("Line 2");
    }

    @Test
    void refuses_a_field_too_long_to_be_real() {
        assertThatThrownBy(() -> rows("x".repeat(CsvRows.MAX_FIELD + 1)))
                .isInstanceOf(CsvRows.CsvException.class)
                .hasMessageContaining("longer than");
    }

    private static List<CsvRows.Row> rows(String text) throws IOException {
        return new CsvRows(new StringReader(text)).readAll();
    }
}

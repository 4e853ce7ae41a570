package city.mycity.geo.sensorthings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.geo.InvalidParameterException;
import city.mycity.geo.sensorthings.query.Expr;
import city.mycity.geo.sensorthings.query.Expr.Operator;
import city.mycity.geo.sensorthings.query.FilterParser;
import city.mycity.geo.sensorthings.query.QueryOptions;
import city.mycity.geo.sensorthings.query.QueryOptionsParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterParserTest {

    @Test
    void binds_and_tighter_than_or() {
        Expr expr = FilterParser.parse("$filter", "a eq 1 or b eq 2 and c eq 3");

        assertThat(expr).isInstanceOf(Expr.Binary.class);
        Expr.Binary or = (Expr.Binary) expr;
        assertThat(or.operator()).isEqualTo(Operator.OR);
        assertThat(((Expr.Binary) or.right()).operator()).isEqualTo(Operator.AND);
    }

    @Test
    void reads_paths_strings_with_quotes_times_and_functions() {
        Expr expr = FilterParser.parse(
                "$filter", "substringof('O''Brien', Datastream/Thing/name) and phenomenonTime gt 2015-03-01T00:00:00Z");

        Expr.Binary and = (Expr.Binary) expr;
        Expr.Call call = (Expr.Call) and.left();
        assertThat(call.function()).isEqualTo("substringof");
        assertThat(call.arguments())
                .containsExactly(new Expr.Literal("O'Brien"), new Expr.Path(List.of("Datastream", "Thing", "name")));
        assertThat(((Expr.Binary) and.right()).right()).isInstanceOf(Expr.TimeLiteral.class);
    }

    @Test
    void refuses_a_malformed_expression_saying_where() {
        assertThatThrownBy(() -> FilterParser.parse("$filter", "name eq 'unclosed"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("not closed");
        assertThatThrownBy(() -> FilterParser.parse("$filter", "name eq )"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("position 9");
    }

    @Test
    void refuses_an_expression_nested_too_deep() {
        String deep = "(".repeat(200) + "a eq 1" + ")".repeat(200);

        assertThatThrownBy(() -> FilterParser.parse("$filter", deep))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("nests deeper");
    }

    @Test
    void refuses_a_huge_top_and_unknown_options() {
        QueryOptionsParser parser = new QueryOptionsParser(1000);

        assertThatThrownBy(() -> parser.parse(Map.of("$top", "1000000")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("at most 1000");
        assertThatThrownBy(() -> parser.parse(Map.of("$frobnicate", "1")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Unknown query option");
    }

    @Test
    void reads_nested_expand_options() {
        QueryOptions options = new QueryOptionsParser(1000)
                .parse(Map.of("$expand", "Datastreams($select=name;$expand=Observations($top=2)),Locations"));

        assertThat(options.expand()).hasSize(2);
        QueryOptions.Expansion datastreams = options.expand().get(0);
        assertThat(datastreams.path()).containsExactly("Datastreams");
        assertThat(datastreams.options().select()).containsExactly("name");
        assertThat(datastreams.options().expand().get(0).options().top()).isEqualTo(2);
    }
}

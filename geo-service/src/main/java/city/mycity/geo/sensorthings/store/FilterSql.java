package city.mycity.geo.sensorthings.store;

import city.mycity.geo.InvalidParameterException;
import city.mycity.geo.sensorthings.entity.EntityType;
import city.mycity.geo.sensorthings.entity.Navigation;
import city.mycity.geo.sensorthings.entity.Property;
import city.mycity.geo.sensorthings.query.Expr;
import city.mycity.geo.sensorthings.query.Expr.Operator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compiles {@code $filter} and {@code $orderby} expressions to SQL over an entity's row. A path through a navigation to
 * one entity reads the related row in a subquery; a comparison through a navigation to a collection holds when it holds
 * for any related entity. Values become parameters; what cannot be compiled (a type mismatch, an unknown property or
 * function) is refused with an {@link InvalidParameterException}.
 */
final class FilterSql {

    private final Sql sql;
    private final String tenant;
    private final String parameter;

    FilterSql(Sql sql, String tenant, String parameter) {
        this.sql = sql;
        this.tenant = tenant;
        this.parameter = parameter;
    }

    /** A condition: the expression must be a boolean one. */
    String condition(Expr expr, EntityType type, String alias) {
        Typed typed = compile(expr, type, alias);
        if (typed.type() != Typed.Type.BOOLEAN) {
            throw error("the expression is not a condition (it has the type "
                    + typed.type().name().toLowerCase() + ")");
        }
        return typed.sql();
    }

    /** The keys that order by the expression. */
    List<String> orderKeys(Expr expr, EntityType type, String alias) {
        Typed typed = compile(expr, type, alias);
        return switch (typed.type()) {
            case INTERVAL -> List.of(typed.sql(), "coalesce(" + typed.end() + ", " + typed.sql() + ")");
            case JSON -> List.of(typed.asNumber(), typed.asText());
            case GEOJSON -> List.of(typed.asText());
            default -> List.of(typed.sql());
        };
    }

    Typed compile(Expr expr, EntityType type, String alias) {
        if (expr instanceof Expr.Literal l) {
            return literal(l.value());
        }
        if (expr instanceof Expr.TimeLiteral t) {
            return new Typed(sql.parameter(t.value()) + "::timestamptz", Typed.Type.TIME);
        }
        if (expr instanceof Expr.DurationLiteral d) {
            return new Typed(sql.parameter(d.value()) + "::interval", Typed.Type.DURATION);
        }
        if (expr instanceof Expr.GeometryLiteral) {
            throw error("geometry literals need the spatial functions, which this service does not offer yet");
        }
        if (expr instanceof Expr.Path p) {
            return path(p.segments(), type, alias);
        }
        if (expr instanceof Expr.Not n) {
            return new Typed("(NOT " + condition(n.operand(), type, alias) + ")", Typed.Type.BOOLEAN);
        }
        if (expr instanceof Expr.Negate n) {
            Typed operand = compile(n.operand(), type, alias);
            return new Typed("(-" + numeric(operand, "-") + ")", Typed.Type.NUMBER);
        }
        if (expr instanceof Expr.Binary b) {
            return binary(b, type, alias);
        }
        return Functions.call(this, (Expr.Call) expr, type, alias);
    }

    private Typed literal(Object value) {
        if (value == null) {
            return new Typed("NULL", Typed.Type.NULL);
        }
        if (value instanceof String s) {
            return new Typed(sql.parameter(s) + "::text", Typed.Type.TEXT);
        }
        if (value instanceof Boolean b) {
            return new Typed(b ? "TRUE" : "FALSE", Typed.Type.BOOLEAN);
        }
        return new Typed(sql.parameter(value) + "::numeric", Typed.Type.NUMBER);
    }

    private Typed binary(Expr.Binary b, EntityType type, String alias) {
        Operator op = b.operator();
        if (op == Operator.AND || op == Operator.OR) {
            return new Typed(
                    "(" + condition(b.left(), type, alias) + " " + op.keyword().toUpperCase() + " "
                            + condition(b.right(), type, alias) + ")",
                    Typed.Type.BOOLEAN);
        }
        Optional<String> any = anyPath(b.left(), type).or(() -> anyPath(b.right(), type));
        if (op.isComparison() && any.isPresent()) {
            return throughCollection(b, type, alias);
        }
        Typed left = compile(b.left(), type, alias);
        Typed right = compile(b.right(), type, alias);
        if (op.isArithmetic()) {
            return arithmetic(op, left, right);
        }
        return Comparisons.compare(op, left, right, this);
    }

    private Typed arithmetic(Operator op, Typed left, Typed right) {
        if (left.type() == Typed.Type.TIME || right.type() == Typed.Type.TIME) {
            if (op == Operator.ADD || op == Operator.SUB) {
                if (left.type() == Typed.Type.TIME && right.type() == Typed.Type.DURATION) {
                    return new Typed(
                            "(" + left.sql() + (op == Operator.ADD ? " + " : " - ") + right.sql() + ")",
                            Typed.Type.TIME);
                }
                if (op == Operator.SUB && left.type() == Typed.Type.TIME && right.type() == Typed.Type.TIME) {
                    return new Typed("(" + left.sql() + " - " + right.sql() + ")", Typed.Type.DURATION);
                }
            }
            throw error("'" + op.keyword() + "' does not apply to these times");
        }
        String symbol =
                switch (op) {
                    case ADD -> "+";
                    case SUB -> "-";
                    case MUL -> "*";
                    case DIV -> "/";
                    default -> "%";
                };
        String l = numeric(left, op.keyword());
        String r = numeric(right, op.keyword());
        if (op == Operator.DIV || op == Operator.MOD) {
            r = "nullif(" + r + ", 0)";
        }
        return new Typed("(" + l + " " + symbol + " " + r + ")", Typed.Type.NUMBER);
    }

    String numeric(Typed typed, String what) {
        return switch (typed.type()) {
            case NUMBER, JSON, TEXT, NULL -> typed.asNumber();
            default ->
                throw error("'" + what + "' needs numbers, not a "
                        + typed.type().name().toLowerCase());
        };
    }

    String text(Typed typed, String function) {
        return switch (typed.type()) {
            case TEXT, JSON, NULL, NUMBER -> typed.asText();
            default ->
                throw error(
                        function + " needs text, not a " + typed.type().name().toLowerCase());
        };
    }

    String time(Typed typed, String function) {
        return switch (typed.type()) {
            case TIME, NULL -> typed.sql();
            case INTERVAL -> typed.sql();
            default ->
                throw error(
                        function + " needs a time, not a " + typed.type().name().toLowerCase());
        };
    }

    /** The first navigation to a collection on a path of this comparison's side, if any. */
    private Optional<String> anyPath(Expr expr, EntityType type) {
        if (!(expr instanceof Expr.Path p) || p.segments().size() < 2) {
            return Optional.empty();
        }
        EntityType current = type;
        for (String segment : p.segments()) {
            Optional<Navigation> nav = current.navigation(segment);
            if (nav.isEmpty()) {
                return Optional.empty();
            }
            if (nav.get().collection()) {
                return Optional.of(segment);
            }
            current = nav.get().target();
        }
        return Optional.empty();
    }

    /** {@code Datastreams/name eq 'x'}: some related entity satisfies the comparison. */
    private Typed throughCollection(Expr.Binary b, EntityType type, String alias) {
        boolean leftIsPath = anyPath(b.left(), type).isPresent();
        Expr.Path path = (Expr.Path) (leftIsPath ? b.left() : b.right());
        Navigation nav = type.navigation(path.segments().get(0)).orElseThrow();
        if (!nav.collection()) {
            // A navigation to one entity first: step into it, and look for the collection further on.
            String inner = sql.alias();
            Expr.Path rest =
                    new Expr.Path(path.segments().subList(1, path.segments().size()));
            Expr.Binary narrowed = leftIsPath
                    ? new Expr.Binary(b.operator(), rest, b.right())
                    : new Expr.Binary(b.operator(), b.left(), rest);
            return exists(nav, alias, inner, binary(narrowed, nav.target(), inner));
        }
        String inner = sql.alias();
        Expr.Path rest =
                new Expr.Path(path.segments().subList(1, path.segments().size()));
        Expr.Binary narrowed = leftIsPath
                ? new Expr.Binary(b.operator(), rest, outer(b.right()))
                : new Expr.Binary(b.operator(), outer(b.left()), rest);
        return exists(nav, alias, inner, binary(narrowed, nav.target(), inner));
    }

    private static Expr outer(Expr other) {
        if (other instanceof Expr.Path) {
            throw new InvalidParameterException(
                    "$filter", "$filter: a comparison through a collection compares with a value, not a property.");
        }
        return other;
    }

    private Typed exists(Navigation nav, String alias, String inner, Typed condition) {
        return new Typed(
                "EXISTS (SELECT 1 FROM " + nav.target().table() + " " + inner + " WHERE " + inner + ".tenant_id = "
                        + sql.parameter(tenant) + " AND " + nav.condition(alias, inner) + " AND " + condition.sql()
                        + ")",
                Typed.Type.BOOLEAN);
    }

    private Typed path(List<String> segments, EntityType type, String alias) {
        String first = segments.get(0);
        Optional<Property> property = type.property(first);
        if (property.isPresent()) {
            return property(property.get(), segments.subList(1, segments.size()), alias);
        }
        if (first.equals("id") || first.equals("@iot.id")) {
            return new Typed(alias + ".id", Typed.Type.NUMBER);
        }
        Optional<Navigation> nav = type.navigation(first);
        if (nav.isEmpty()) {
            throw error("a " + type.singular() + " has no property or navigation '" + first + "'; it has "
                    + type.properties().stream().map(Property::name).collect(Collectors.joining(", ")) + ", "
                    + type.navigations().stream().map(Navigation::name).collect(Collectors.joining(", ")));
        }
        if (nav.get().collection()) {
            throw error("'" + first + "' is a collection: compare one of its properties with a value, e.g. " + first
                    + "/name eq 'x'");
        }
        if (segments.size() == 1) {
            throw error("'" + first + "' is an entity: name one of its properties, e.g. " + first + "/id");
        }
        String inner = sql.alias();
        Typed value = path(segments.subList(1, segments.size()), nav.get().target(), inner);
        String from = " FROM " + nav.get().target().table() + " " + inner + " WHERE " + inner + ".tenant_id = "
                + sql.parameter(tenant) + " AND " + nav.get().condition(alias, inner) + ")";
        if (value.type() == Typed.Type.INTERVAL) {
            return new Typed("(SELECT " + value.sql() + from, value.type(), "(SELECT " + value.end() + from);
        }
        return new Typed("(SELECT " + value.sql() + from, value.type());
    }

    private Typed property(Property property, List<String> rest, String alias) {
        if (!rest.isEmpty()) {
            if (property.type() != city.mycity.geo.sensorthings.entity.PropertyType.JSON) {
                throw error("'" + property.name() + "' has no members");
            }
            for (String member : rest) {
                if (!member.matches("[A-Za-z0-9_@.\\-]+")) {
                    throw error("'" + member + "' is not a member name");
                }
            }
            return new Typed(
                    "(" + property.sql(alias) + " #> " + sql.parameter("{" + String.join(",", rest) + "}")
                            + "::text[])",
                    Typed.Type.JSON);
        }
        return switch (property.type()) {
            case TEXT -> new Typed(property.sql(alias), Typed.Type.TEXT);
            case JSON -> new Typed(property.sql(alias), Typed.Type.JSON);
            case GEOJSON -> new Typed(property.sql(alias), Typed.Type.GEOJSON);
            case TIME -> new Typed(property.sql(alias), Typed.Type.TIME);
            case TIME_INTERVAL -> new Typed(property.sql(alias), Typed.Type.INTERVAL, property.endSql(alias));
        };
    }

    Sql sql() {
        return sql;
    }

    InvalidParameterException error(String message) {
        return new InvalidParameterException(parameter, parameter + ": " + message + ".");
    }
}

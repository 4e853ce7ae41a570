package city.mycity.geo.sensorthings.query;

import java.util.List;

/** A parsed {@code $filter} or {@code $orderby} expression (the OData subset SensorThings defines). */
public sealed interface Expr {

    /** A constant: a {@link String}, {@link Long}, {@link java.math.BigDecimal}, {@link Boolean}, time, or null. */
    record Literal(Object value) implements Expr {}

    /** A time constant, e.g. {@code 2015-03-01T00:00:00Z}. */
    record TimeLiteral(java.time.OffsetDateTime value) implements Expr {}

    /** A duration constant, e.g. {@code duration'P1D'}. */
    record DurationLiteral(java.time.Duration value) implements Expr {}

    /** A geometry constant in well-known text, e.g. {@code geography'POINT(-114.06 51.05)'}. */
    record GeometryLiteral(String wkt) implements Expr {}

    /** A property, or a path through navigation properties to one: {@code Datastream/Thing/name}. */
    record Path(List<String> segments) implements Expr {}

    /** {@code left op right}, for comparison, logic and arithmetic. */
    record Binary(Operator operator, Expr left, Expr right) implements Expr {}

    /** {@code not operand}. */
    record Not(Expr operand) implements Expr {}

    /** {@code -operand}. */
    record Negate(Expr operand) implements Expr {}

    /** A function call: {@code substringof('a', name)}, {@code year(phenomenonTime)}, {@code geo.distance(...)}. */
    record Call(String function, List<Expr> arguments) implements Expr {}

    /** The binary operators, by their OData names. */
    enum Operator {
        OR("or"),
        AND("and"),
        EQ("eq"),
        NE("ne"),
        GT("gt"),
        GE("ge"),
        LT("lt"),
        LE("le"),
        ADD("add"),
        SUB("sub"),
        MUL("mul"),
        DIV("div"),
        MOD("mod");

        private final String keyword;

        Operator(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }

        public boolean isComparison() {
            return ordinal() >= EQ.ordinal() && ordinal() <= LE.ordinal();
        }

        public boolean isArithmetic() {
            return ordinal() >= ADD.ordinal();
        }
    }
}

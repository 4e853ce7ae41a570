package city.mycity.geo.sensorthings.store;

import city.mycity.geo.sensorthings.query.Expr.Operator;

/**
 * Comparisons of compiled values. Text compares by code point (as Java does); a JSON value compares as a number with a
 * number, as text with text, as a boolean with a boolean; a time interval is after a time when it starts after it, and
 * before it when it ends before it. A comparison with null, or of a JSON value of another type, is false.
 */
final class Comparisons {

    private Comparisons() {}

    static Typed compare(Operator op, Typed left, Typed right, FilterSql context) {
        String symbol = symbol(op);
        Typed.Type l = left.type();
        Typed.Type r = right.type();
        if (l == Typed.Type.NULL || r == Typed.Type.NULL) {
            Typed other = l == Typed.Type.NULL ? right : left;
            String test = op == Operator.EQ ? " IS NULL" : op == Operator.NE ? " IS NOT NULL" : null;
            if (test == null) {
                return new Typed("FALSE", Typed.Type.BOOLEAN);
            }
            return new Typed("(" + other.sql() + test + ")", Typed.Type.BOOLEAN);
        }
        if (l == Typed.Type.INTERVAL || r == Typed.Type.INTERVAL) {
            return interval(op, left, right, context);
        }
        if (l == Typed.Type.TIME || r == Typed.Type.TIME) {
            Typed other = l == Typed.Type.TIME ? right : left;
            if (other.type() != Typed.Type.TIME && other.type() != Typed.Type.JSON) {
                throw context.error("a time compares with a time, e.g. 2015-03-01T00:00:00Z");
            }
            return bool(time(left) + " " + symbol + " " + time(right));
        }
        if (l == Typed.Type.NUMBER || r == Typed.Type.NUMBER) {
            return bool(
                    context.numeric(left, op.keyword()) + " " + symbol + " " + context.numeric(right, op.keyword()));
        }
        if (l == Typed.Type.BOOLEAN || r == Typed.Type.BOOLEAN) {
            return bool(left.asBoolean() + " " + symbol + " " + right.asBoolean());
        }
        if (l == Typed.Type.DURATION || r == Typed.Type.DURATION) {
            return bool(left.sql() + " " + symbol + " " + right.sql());
        }
        if (l == Typed.Type.TEXT || r == Typed.Type.TEXT) {
            return bool(text(left) + " " + symbol + " " + text(right));
        }
        // JSON with JSON: as their JSON texts.
        return bool("(" + left.sql() + ")::text COLLATE \"C\" " + symbol + " (" + right.sql() + ")::text");
    }

    /** A JSON string without its quotes; a JSON value of another type never matches text. */
    private static String text(Typed typed) {
        if (typed.type() == Typed.Type.JSON) {
            return "(CASE WHEN jsonb_typeof(" + typed.sql() + ") IN ('string', 'number') THEN " + typed.asText()
                    + " END) COLLATE \"C\"";
        }
        if (typed.type() == Typed.Type.GEOJSON) {
            return "(" + typed.sql() + ")::text COLLATE \"C\"";
        }
        return typed.asText() + " COLLATE \"C\"";
    }

    private static String time(Typed typed) {
        if (typed.type() == Typed.Type.JSON) {
            return "(CASE WHEN jsonb_typeof(" + typed.sql() + ") = 'string' AND (" + typed.asText()
                    + ") ~ '^\\d{4}-\\d\\d-\\d\\dT' THEN (" + typed.asText() + ")::timestamptz END)";
        }
        return typed.sql();
    }

    private static Typed interval(Operator op, Typed left, Typed right, FilterSql context) {
        boolean leftInterval = left.type() == Typed.Type.INTERVAL;
        Typed interval = leftInterval ? left : right;
        Typed other = leftInterval ? right : left;
        if (other.type() != Typed.Type.TIME) {
            throw context.error("a time interval compares with a time, e.g. 2015-03-01T00:00:00Z");
        }
        // Turn "time op interval" around, so that the interval is on the left.
        Operator o = leftInterval ? op : flip(op);
        String start = interval.sql();
        String end = "coalesce(" + interval.end() + ", " + interval.sql() + ")";
        String t = other.sql();
        String sql =
                switch (o) {
                    case GT -> start + " > " + t;
                    case GE -> start + " >= " + t;
                    case LT -> end + " < " + t;
                    case LE -> end + " <= " + t;
                    case EQ -> "(" + start + " = " + t + " AND " + end + " = " + t + ")";
                    default -> "(" + start + " <> " + t + " OR " + end + " <> " + t + ")";
                };
        return bool(sql);
    }

    private static Operator flip(Operator op) {
        return switch (op) {
            case GT -> Operator.LT;
            case GE -> Operator.LE;
            case LT -> Operator.GT;
            case LE -> Operator.GE;
            default -> op;
        };
    }

    private static Typed bool(String sql) {
        return new Typed("(" + sql + ")", Typed.Type.BOOLEAN);
    }

    private static String symbol(Operator op) {
        return switch (op) {
            case EQ -> "=";
            case NE -> "<>";
            case GT -> ">";
            case GE -> ">=";
            case LT -> "<";
            case LE -> "<=";
            default -> throw new IllegalArgumentException("Not a comparison: " + op);
        };
    }
}

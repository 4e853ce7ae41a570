package city.mycity.geo.sensorthings.query;

import city.mycity.geo.InvalidParameterException;
import city.mycity.geo.sensorthings.query.Expr.Operator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the expression language of {@code $filter} and {@code $orderby}: comparison ({@code eq ne gt ge lt le}),
 * logic ({@code and or not}), arithmetic ({@code add sub mul div mod}), parentheses, function calls, property paths and
 * literals (strings in single quotes, numbers, {@code true false null}, times, {@code duration'…'} and {@code
 * geography'…'}). A bad expression is refused with an {@link InvalidParameterException} that says where and why.
 */
public final class FilterParser {

    /** Expressions nest at most this deep, so that a hostile filter cannot exhaust the stack. */
    static final int MAX_DEPTH = 64;

    private final String parameter;
    private final List<Token> tokens;
    private int next;
    private int depth;

    private FilterParser(String parameter, String text) {
        this.parameter = parameter;
        this.tokens = new Lexer(parameter, text).tokens();
    }

    /** Parses a whole expression; {@code parameter} names the query option in error messages. */
    public static Expr parse(String parameter, String text) {
        FilterParser parser = new FilterParser(parameter, text);
        Expr expr = parser.expression();
        parser.expectEnd();
        return expr;
    }

    /** Parses one expression from a list, e.g. an {@code $orderby} item; the caller reads what follows. */
    static FilterParser over(String parameter, String text) {
        return new FilterParser(parameter, text);
    }

    Expr expression() {
        if (++depth > MAX_DEPTH) {
            throw error("the expression nests deeper than " + MAX_DEPTH + " levels");
        }
        Expr expr = or();
        depth--;
        return expr;
    }

    boolean atEnd() {
        return peek().kind() == Token.Kind.END;
    }

    /** The next word if it is one (e.g. {@code asc}), consumed; else null. */
    String word() {
        Token t = peek();
        if (t.kind() == Token.Kind.NAME) {
            next++;
            return t.text();
        }
        return null;
    }

    boolean comma() {
        if (peek().kind() == Token.Kind.COMMA) {
            next++;
            return true;
        }
        return false;
    }

    void expectEnd() {
        if (!atEnd()) {
            throw error("unexpected '" + peek().text() + "' at position " + (peek().position() + 1));
        }
    }

    private Expr or() {
        Expr left = and();
        while (keyword("or")) {
            left = new Expr.Binary(Operator.OR, left, and());
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (keyword("and")) {
            left = new Expr.Binary(Operator.AND, left, not());
        }
        return left;
    }

    private Expr not() {
        if (keyword("not")) {
            if (++depth > MAX_DEPTH) {
                throw error("the expression nests deeper than " + MAX_DEPTH + " levels");
            }
            Expr operand = not();
            depth--;
            return new Expr.Not(operand);
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = additive();
        for (Operator op : List.of(Operator.EQ, Operator.NE, Operator.GT, Operator.GE, Operator.LT, Operator.LE)) {
            if (keyword(op.keyword())) {
                return new Expr.Binary(op, left, additive());
            }
        }
        return left;
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (true) {
            if (keyword("add")) {
                left = new Expr.Binary(Operator.ADD, left, multiplicative());
            } else if (keyword("sub")) {
                left = new Expr.Binary(Operator.SUB, left, multiplicative());
            } else {
                return left;
            }
        }
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (true) {
            if (keyword("mul")) {
                left = new Expr.Binary(Operator.MUL, left, unary());
            } else if (keyword("div")) {
                left = new Expr.Binary(Operator.DIV, left, unary());
            } else if (keyword("mod")) {
                left = new Expr.Binary(Operator.MOD, left, unary());
            } else {
                return left;
            }
        }
    }

    private Expr unary() {
        if (peek().kind() == Token.Kind.MINUS) {
            next++;
            return new Expr.Negate(unary());
        }
        return primary();
    }

    private Expr primary() {
        Token t = peek();
        switch (t.kind()) {
            case OPEN -> {
                next++;
                Expr inner = expression();
                expect(Token.Kind.CLOSE, "')'");
                return inner;
            }
            case STRING -> {
                next++;
                return new Expr.Literal(t.text());
            }
            case NUMBER -> {
                next++;
                return number(t);
            }
            case TIME -> {
                next++;
                return time(t);
            }
            case TYPED -> {
                next++;
                return typed(t);
            }
            case NAME -> {
                next++;
                return name(t);
            }
            case END -> throw error("the expression ends where a value was expected");
            default -> throw error("unexpected '" + t.text() + "' at position " + (t.position() + 1));
        }
    }

    private Expr name(Token t) {
        String lower = t.text().toLowerCase(Locale.ROOT);
        switch (lower) {
            case "true" -> {
                return new Expr.Literal(Boolean.TRUE);
            }
            case "false" -> {
                return new Expr.Literal(Boolean.FALSE);
            }
            case "null" -> {
                return new Expr.Literal(null);
            }
            default -> {}
        }
        if (peek().kind() == Token.Kind.OPEN) {
            next++;
            List<Expr> arguments = new ArrayList<>();
            if (peek().kind() != Token.Kind.CLOSE) {
                do {
                    arguments.add(expression());
                } while (comma());
            }
            expect(Token.Kind.CLOSE, "')' after the arguments of " + t.text());
            return new Expr.Call(lower, List.copyOf(arguments));
        }
        if (t.text().startsWith("/") || t.text().endsWith("/") || t.text().contains("//")) {
            throw error("'" + t.text() + "' is not a property path");
        }
        return new Expr.Path(List.of(t.text().split("/")));
    }

    private Expr number(Token t) {
        try {
            if (t.text().matches("-?\\d+")) {
                return new Expr.Literal(Long.parseLong(t.text()));
            }
            return new Expr.Literal(new BigDecimal(t.text()));
        } catch (NumberFormatException e) {
            throw error("'" + t.text() + "' is not a number");
        }
    }

    private Expr time(Token t) {
        try {
            if (t.text().length() == 10) {
                return new Expr.TimeLiteral(
                        LocalDate.parse(t.text()).atStartOfDay().atOffset(ZoneOffset.UTC));
            }
            return new Expr.TimeLiteral(OffsetDateTime.parse(t.text()));
        } catch (DateTimeParseException e) {
            throw error("'" + t.text() + "' is not a time (use ISO 8601 with an offset, e.g. 2015-03-01T00:00:00Z)");
        }
    }

    private Expr typed(Token t) {
        String type = t.type().toLowerCase(Locale.ROOT);
        switch (type) {
            case "duration" -> {
                try {
                    return new Expr.DurationLiteral(Duration.parse(t.text()));
                } catch (DateTimeParseException e) {
                    throw error("'" + t.text() + "' is not an ISO 8601 duration, e.g. P1DT2H");
                }
            }
            case "geography", "geometry" -> {
                return new Expr.GeometryLiteral(Geometries.checkWkt(parameter, t.text()));
            }
            default -> throw error("unknown literal type '" + t.type() + "' (known: duration, geography, geometry)");
        }
    }

    private boolean keyword(String word) {
        Token t = peek();
        if (t.kind() == Token.Kind.NAME && t.text().equalsIgnoreCase(word)) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(Token.Kind kind, String what) {
        if (peek().kind() != kind) {
            throw error("expected " + what + " at position " + (peek().position() + 1));
        }
        next++;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private InvalidParameterException error(String message) {
        return new InvalidParameterException(parameter, parameter + ": " + message + ".");
    }
}

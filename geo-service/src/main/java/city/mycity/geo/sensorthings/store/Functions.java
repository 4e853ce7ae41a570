package city.mycity.geo.sensorthings.store;

import city.mycity.geo.sensorthings.entity.EntityType;
import city.mycity.geo.sensorthings.query.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The functions of {@code $filter}: on text ({@code substringof contains startswith endswith length indexof substring
 * tolower toupper trim concat}), on times ({@code year month day hour minute second fractionalseconds date time
 * totaloffsetminutes now mindatetime maxdatetime}) and on numbers ({@code round floor ceiling}). Times are read in UTC.
 * The spatial functions ({@code geo.*}, {@code st_*}) are refused: this store keeps GeoJSON, not geometries.
 */
final class Functions {

    private static final Map<String, String> TIME_PARTS = Map.of(
            "year", "YEAR", "month", "MONTH", "day", "DAY", "hour", "HOUR", "minute", "MINUTE", "second", "SECOND");

    private Functions() {}

    static Typed call(FilterSql context, Expr.Call call, EntityType type, String alias) {
        String name = call.function();
        List<Typed> args = new ArrayList<>();
        for (Expr argument : call.arguments()) {
            args.add(context.compile(argument, type, alias));
        }
        if (name.startsWith("geo.") || name.startsWith("st_")) {
            throw context.error("the spatial function " + name + " is not offered by this service");
        }
        if (TIME_PARTS.containsKey(name)) {
            arity(context, name, args, 1);
            return new Typed(
                    "extract(" + TIME_PARTS.get(name) + " FROM " + context.time(args.get(0), name)
                            + " AT TIME ZONE 'UTC')::int",
                    Typed.Type.NUMBER);
        }
        return switch (name) {
            case "substringof" -> condition(context, name, args, 2, "strpos(%2$s, %1$s) > 0");
            case "contains" -> condition(context, name, args, 2, "strpos(%1$s, %2$s) > 0");
            case "startswith" -> condition(context, name, args, 2, "starts_with(%1$s, %2$s)");
            case "endswith" -> condition(context, name, args, 2, "right(%1$s, length(%2$s)) = %2$s");
            case "length" -> number(context, name, args, "length(%1$s)");
            case "indexof" -> {
                arity(context, name, args, 2);
                yield new Typed(
                        "(strpos(" + context.text(args.get(0), name) + ", " + context.text(args.get(1), name)
                                + ") - 1)",
                        Typed.Type.NUMBER);
            }
            case "substring" -> substring(context, args);
            case "tolower" -> text(context, name, args, "lower(%1$s)");
            case "toupper" -> text(context, name, args, "upper(%1$s)");
            case "trim" -> text(context, name, args, "btrim(%1$s)");
            case "concat" -> {
                arity(context, name, args, 2);
                yield new Typed(
                        "(" + context.text(args.get(0), name) + " || " + context.text(args.get(1), name) + ")",
                        Typed.Type.TEXT);
            }
            case "fractionalseconds" -> {
                arity(context, name, args, 1);
                yield new Typed(
                        "(extract(MICROSECONDS FROM " + context.time(args.get(0), name)
                                + ")::numeric % 1000000 / 1000000)",
                        Typed.Type.NUMBER);
            }
            case "date" -> {
                arity(context, name, args, 1);
                yield new Typed(
                        "((" + context.time(args.get(0), name) + " AT TIME ZONE 'UTC')::date AT TIME ZONE 'UTC')",
                        Typed.Type.TIME);
            }
            case "time" -> {
                arity(context, name, args, 1);
                yield new Typed(
                        "to_char(" + context.time(args.get(0), name) + " AT TIME ZONE 'UTC', 'HH24:MI:SS.MS')",
                        Typed.Type.TEXT);
            }
            case "totaloffsetminutes" -> {
                arity(context, name, args, 1);
                context.time(args.get(0), name);
                yield new Typed("0", Typed.Type.NUMBER);
            }
            case "now" -> {
                arity(context, name, args, 0);
                yield new Typed("now()", Typed.Type.TIME);
            }
            case "mindatetime" -> {
                arity(context, name, args, 0);
                yield new Typed("'-infinity'::timestamptz", Typed.Type.TIME);
            }
            case "maxdatetime" -> {
                arity(context, name, args, 0);
                yield new Typed("'infinity'::timestamptz", Typed.Type.TIME);
            }
            case "round" -> number(context, name, args, "round(%1$s)");
            case "floor" -> number(context, name, args, "floor(%1$s)");
            case "ceiling" -> number(context, name, args, "ceil(%1$s)");
            default -> throw context.error("unknown function " + name);
        };
    }

    private static Typed substring(FilterSql context, List<Typed> args) {
        if (args.size() != 2 && args.size() != 3) {
            throw context.error("substring takes 2 or 3 arguments, not " + args.size());
        }
        String text = context.text(args.get(0), "substring");
        String from = context.numeric(args.get(1), "substring") + " + 1";
        String sql = args.size() == 2
                ? "substr(" + text + ", (" + from + ")::int)"
                : "substr(" + text + ", (" + from + ")::int, (" + context.numeric(args.get(2), "substring") + ")::int)";
        return new Typed(sql, Typed.Type.TEXT);
    }

    private static Typed condition(FilterSql context, String name, List<Typed> args, int arity, String template) {
        arity(context, name, args, arity);
        return new Typed(
                "(" + String.format(template, context.text(args.get(0), name), context.text(args.get(1), name)) + ")",
                Typed.Type.BOOLEAN);
    }

    private static Typed text(FilterSql context, String name, List<Typed> args, String template) {
        arity(context, name, args, 1);
        return new Typed(String.format(template, context.text(args.get(0), name)), Typed.Type.TEXT);
    }

    private static Typed number(FilterSql context, String name, List<Typed> args, String template) {
        arity(context, name, args, 1);
        Typed arg = args.get(0);
        String value = name.equals("length") ? context.text(arg, name) : context.numeric(arg, name);
        return new Typed(String.format(template, value), Typed.Type.NUMBER);
    }

    private static void arity(FilterSql context, String name, List<Typed> args, int arity) {
        if (args.size() != arity) {
            throw context.error(
                    name + " takes " + arity + " argument" + (arity == 1 ? "" : "s") + ", not " + args.size());
        }
    }
}

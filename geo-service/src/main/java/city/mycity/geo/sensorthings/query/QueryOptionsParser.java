package city.mycity.geo.sensorthings.query;

import city.mycity.geo.InvalidParameterException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the query options of a request ({@code $filter $orderby $top $skip $count $select $expand}, and those nested in
 * an {@code $expand} item between brackets, separated by {@code ;}). Anything else that starts with {@code $} is
 * refused, as is a {@code $top} above the service's limit, and {@code $expand} nested deeper than {@link #MAX_DEPTH}.
 */
public final class QueryOptionsParser {

    /** {@code $expand} nests at most this deep. */
    public static final int MAX_DEPTH = 5;

    private static final List<String> KNOWN =
            List.of("$filter", "$orderby", "$top", "$skip", "$count", "$select", "$expand", "$resultformat");

    private final int maxTop;

    public QueryOptionsParser(int maxTop) {
        this.maxTop = maxTop;
    }

    /** Parses the options of a request; parameters that do not start with {@code $} are not options and are left. */
    public QueryOptions parse(Map<String, String> parameters) {
        return parse(parameters, 0);
    }

    private QueryOptions parse(Map<String, String> parameters, int depth) {
        Expr filter = null;
        List<QueryOptions.OrderBy> orderBy = List.of();
        Integer top = null;
        int skip = 0;
        boolean count = false;
        List<String> select = List.of();
        List<QueryOptions.Expansion> expand = List.of();
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            String name = p.getKey();
            String value = p.getValue();
            if (!name.startsWith("$")) {
                continue;
            }
            switch (name) {
                case "$filter" -> filter = FilterParser.parse(name, value);
                case "$orderby" -> orderBy = orderBy(value);
                case "$top" -> top = integer(name, value, maxTop);
                case "$skip" -> skip = integer(name, value, Integer.MAX_VALUE);
                case "$count" -> count = bool(name, value);
                case "$select" -> select = select(value);
                case "$expand" -> expand = expand(value, depth + 1);
                case "$resultformat" -> {
                    if (!value.equals("GeoJSON") && !value.equals("default")) {
                        throw new InvalidParameterException(name, name + ": unknown format '" + value + "'.");
                    }
                }
                default ->
                    throw new InvalidParameterException(
                            name, "Unknown query option " + name + "; the known ones are " + KNOWN + ".");
            }
        }
        return new QueryOptions(filter, orderBy, top, skip, count, select, expand);
    }

    private static List<QueryOptions.OrderBy> orderBy(String value) {
        FilterParser parser = FilterParser.over("$orderby", value);
        List<QueryOptions.OrderBy> items = new ArrayList<>();
        do {
            Expr expr = parser.expression();
            String direction = parser.word();
            boolean ascending = true;
            if (direction != null) {
                switch (direction.toLowerCase(Locale.ROOT)) {
                    case "asc" -> ascending = true;
                    case "desc" -> ascending = false;
                    default ->
                        throw new InvalidParameterException(
                                "$orderby", "$orderby: expected asc or desc, found '" + direction + "'.");
                }
            }
            items.add(new QueryOptions.OrderBy(expr, ascending));
        } while (parser.comma());
        parser.expectEnd();
        return List.copyOf(items);
    }

    private static int integer(String name, String value, int max) {
        try {
            long n = Long.parseLong(value.trim());
            if (n < 0) {
                throw new InvalidParameterException(name, name + " must not be negative, was " + value + ".");
            }
            if (n > max) {
                throw new InvalidParameterException(
                        name,
                        name + " must be at most " + max + ", was " + value + "; page with $skip or the"
                                + " @iot.nextLink instead.");
            }
            return (int) n;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, name + " must be a whole number, was '" + value + "'.");
        }
    }

    private static boolean bool(String name, String value) {
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidParameterException(name, name + " must be true or false, was '" + value + "'.");
        };
    }

    private static List<String> select(String value) {
        List<String> names = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            String name = item.trim();
            if (!name.matches("[A-Za-z@][A-Za-z0-9_.@/]*")) {
                throw new InvalidParameterException("$select", "$select: '" + name + "' is not a property name.");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    private List<QueryOptions.Expansion> expand(String value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidParameterException("$expand", "$expand nests deeper than " + MAX_DEPTH + " levels.");
        }
        List<QueryOptions.Expansion> items = new ArrayList<>();
        for (String item : split(value, ',')) {
            String text = item.trim();
            int open = text.indexOf('(');
            String path = open < 0 ? text : text.substring(0, open).trim();
            if (!path.matches("[A-Za-z]+(/[A-Za-z]+)*")) {
                throw new InvalidParameterException("$expand", "$expand: '" + path + "' is not a navigation path.");
            }
            QueryOptions options = QueryOptions.NONE;
            if (open >= 0) {
                if (!text.endsWith(")")) {
                    throw new InvalidParameterException("$expand", "$expand: '" + text + "' does not close its '('.");
                }
                Map<String, String> nested = new LinkedHashMap<>();
                for (String option : split(text.substring(open + 1, text.length() - 1), ';')) {
                    int eq = option.indexOf('=');
                    if (eq < 0) {
                        throw new InvalidParameterException(
                                "$expand", "$expand: '" + option + "' is not an option of the form $name=value.");
                    }
                    String name = option.substring(0, eq).trim();
                    if (!name.startsWith("$")) {
                        throw new InvalidParameterException(
                                "$expand", "$expand: '" + name + "' is not a query option.");
                    }
                    nested.put(name, option.substring(eq + 1));
                }
                options = parse(nested, depth);
            }
            items.add(new QueryOptions.Expansion(List.of(path.split("/")), options));
        }
        return List.copyOf(items);
    }

    /** Splits at {@code separator} outside brackets and quotes. */
    private static List<String> split(String value, char separator) {
        List<String> parts = new ArrayList<>();
        int level = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                level++;
            } else if (!quoted && c == ')') {
                level--;
                if (level < 0) {
                    throw new InvalidParameterException("$expand", "$expand: unbalanced ')' in '" + value + "'.");
                }
            } else if (!quoted && level == 0 && c == separator) {
                parts.add(value.substring(start, i));
                start = i + 1;
            }
        }
        if (level != 0 || quoted) {
            throw new InvalidParameterException(
                    "$expand", "$expand: unbalanced brackets or quotes in '" + value + "'.");
        }
        parts.add(value.substring(start));
        return parts;
    }
}

package city.mycity.geo.sensorthings.query;

import city.mycity.geo.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;

/** Splits a filter expression into tokens. */
final class Lexer {

    /** Longer expressions are refused before they are read. */
    static final int MAX_LENGTH = 8 * 1024;

    private final String parameter;
    private final String text;
    private int at;

    Lexer(String parameter, String text) {
        if (text.length() > MAX_LENGTH) {
            throw new InvalidParameterException(
                    parameter, parameter + ": the expression is longer than " + MAX_LENGTH + " characters.");
        }
        this.parameter = parameter;
        this.text = text;
    }

    List<Token> tokens() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            if (at >= text.length()) {
                tokens.add(new Token(Token.Kind.END, "", null, at));
                return tokens;
            }
            tokens.add(token());
        }
    }

    private Token token() {
        int start = at;
        char c = text.charAt(at);
        switch (c) {
            case '(' -> {
                at++;
                return new Token(Token.Kind.OPEN, "(", null, start);
            }
            case ')' -> {
                at++;
                return new Token(Token.Kind.CLOSE, ")", null, start);
            }
            case ',' -> {
                at++;
                return new Token(Token.Kind.COMMA, ",", null, start);
            }
            case '\'' -> {
                return new Token(Token.Kind.STRING, quoted(), null, start);
            }
            default -> {}
        }
        if (c == '-' && (at + 1 >= text.length() || !Character.isDigit(text.charAt(at + 1)))) {
            at++;
            return new Token(Token.Kind.MINUS, "-", null, start);
        }
        if (Character.isDigit(c) || c == '-') {
            return numberOrTime(start);
        }
        if (Character.isLetter(c) || c == '_' || c == '@' || c == '$') {
            while (at < text.length() && isNameChar(text.charAt(at))) {
                at++;
            }
            String name = text.substring(start, at);
            if (at < text.length() && text.charAt(at) == '\'') {
                return new Token(Token.Kind.TYPED, quoted(), name, start);
            }
            return new Token(Token.Kind.NAME, name, null, start);
        }
        throw new InvalidParameterException(
                parameter, parameter + ": unexpected character '" + c + "' at position " + (start + 1) + ".");
    }

    private Token numberOrTime(int start) {
        at++;
        while (at < text.length() && (Character.isDigit(text.charAt(at)))) {
            at++;
        }
        // 2015-03-01 or 2015-03-01T00:00:00.000+01:00: a time, which runs to the next space, comma or bracket.
        if (at - start == 4 && at < text.length() && text.charAt(at) == '-' && text.charAt(start) != '-') {
            while (at < text.length() && isTimeChar(text.charAt(at))) {
                at++;
            }
            return new Token(Token.Kind.TIME, text.substring(start, at), null, start);
        }
        while (at < text.length() && isNumberChar(text.charAt(at), text.charAt(at - 1))) {
            at++;
        }
        return new Token(Token.Kind.NUMBER, text.substring(start, at), null, start);
    }

    private String quoted() {
        int start = at;
        at++;
        StringBuilder value = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '\'') {
                if (at < text.length() && text.charAt(at) == '\'') {
                    value.append('\'');
                    at++;
                } else {
                    return value.toString();
                }
            } else {
                value.append(c);
            }
        }
        throw new InvalidParameterException(
                parameter, parameter + ": the string that starts at position " + (start + 1) + " is not closed.");
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '/' || c == '@' || c == '$';
    }

    private static boolean isTimeChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == ':' || c == '.' || c == '+';
    }

    private static boolean isNumberChar(char c, char previous) {
        return Character.isDigit(c)
                || c == '.'
                || c == 'e'
                || c == 'E'
                || ((c == '+' || c == '-') && (previous == 'e' || previous == 'E'));
    }
}

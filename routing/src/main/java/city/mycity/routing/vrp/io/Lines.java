package city.mycity.routing.vrp.io;

import city.mycity.routing.vrp.InvalidProblemException;
import java.util.Iterator;
import java.util.List;

/** The lines of an instance file, numbered, with the parsing that reports where a file went wrong. */
final class Lines implements Iterable<Lines.Line> {

    private final String source;
    private final List<String> lines;

    Lines(String source, String text) {
        this.source = source;
        this.lines = text.lines().toList();
    }

    @Override
    public Iterator<Line> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < lines.size();
            }

            @Override
            public Line next() {
                next++;
                return new Line(next, lines.get(next - 1));
            }
        };
    }

    /** One line, numbered from 1. */
    final class Line {
        private final int number;
        private final String text;

        Line(int number, String text) {
            this.number = number;
            this.text = text;
        }

        String text() {
            return text;
        }

        InvalidProblemException error(String what) {
            return new InvalidProblemException(
                    source + ", line " + number + ": " + what + " ('" + text.strip() + "').");
        }

        void expectWords(String[] words, int count) {
            if (words.length < count) {
                throw error("expected " + count + " values");
            }
        }

        int integer(String word) {
            try {
                return Integer.parseInt(word);
            } catch (NumberFormatException e) {
                throw error("'" + word + "' is not a whole number");
            }
        }

        double number(String word) {
            try {
                double value = Double.parseDouble(word);
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error("'" + word + "' is not a number");
        }
    }
}

package city.mycity.geo.sensorthings.query;

/** A token of a filter expression; {@code type} is the type of a typed literal ({@code geography'…'}). */
record Token(Kind kind, String text, String type, int position) {

    enum Kind {
        NAME,
        STRING,
        NUMBER,
        TIME,
        TYPED,
        OPEN,
        CLOSE,
        COMMA,
        MINUS,
        END
    }
}

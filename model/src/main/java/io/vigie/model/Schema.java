package io.vigie.model;

import java.util.List;
import java.util.Map;

/** Schema version of the records in this package, and the checks their constructors share. */
public final class Schema {
    /** Bumped when a record changes incompatibly; additive changes keep it (unknown fields are tolerated). */
    public static final int VERSION = 1;

    private Schema() {}

    /** A version of 0 means the field was absent: the record was written before versions existed or by hand. */
    static int version(int declared) {
        return declared <= 0 ? VERSION : declared;
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new MissingFieldException(field);
        }
        if (value instanceof String s && s.isBlank()) {
            throw new MissingFieldException(field);
        }
        return value;
    }

    static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }

    static <K, V> Map<K, V> map(Map<K, V> value) {
        return value == null ? Map.of() : Map.copyOf(value);
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    /** A record was built without a field it cannot do without. */
    public static final class MissingFieldException extends IllegalArgumentException {
        private final String field;

        MissingFieldException(String field) {
            super("missing required field '" + field + "'");
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}

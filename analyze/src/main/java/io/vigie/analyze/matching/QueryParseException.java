package io.vigie.analyze.matching;

/** A brand query that does not parse; {@link #position()} is the 0-based character offset of the problem. */
public final class QueryParseException extends IllegalArgumentException {
    private final int position;
    private final String problem;

    public QueryParseException(String problem, int position) {
        super("at position " + position + ": " + problem);
        this.position = position;
        this.problem = problem;
    }

    public int position() {
        return position;
    }

    public String problem() {
        return problem;
    }

    /** The query with a caret under the faulty position, for terminals. */
    public String pointAt(String query) {
        return query + "\n" + " ".repeat(Math.max(0, Math.min(position, query.length()))) + "^ " + problem;
    }
}

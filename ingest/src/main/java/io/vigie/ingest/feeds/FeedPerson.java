package io.vigie.ingest.feeds;

/** An author or contributor as the feed gives it; any part may be null. */
public record FeedPerson(String name, String email, String uri) {
    /** "name", else the e-mail, else the URI: what a mention shows as its author. */
    public String display() {
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        if (email != null && !email.isBlank()) {
            return email.strip();
        }
        return uri;
    }
}

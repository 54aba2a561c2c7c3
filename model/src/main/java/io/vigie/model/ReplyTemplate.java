package io.vigie.model;

import java.time.Instant;

/**
 * Approved wording the team copies into an answer: the value of the compacted {@code reply.templates} topic, keyed
 * by {@link #key()} ({@code brand/language/templateId}); a tombstone deletes it. Edited by admins only.
 */
public record ReplyTemplate(
        int schemaVersion,
        String templateId,
        String brand,
        String language,
        String title,
        String text,
        String updatedBy,
        Instant updatedAt) {

    public ReplyTemplate {
        schemaVersion = Schema.version(schemaVersion);
        Schema.required(templateId, "templateId");
        Schema.required(brand, "brand");
        Schema.required(language, "language");
        Schema.required(title, "title");
        Schema.required(text, "text");
        Schema.required(updatedBy, "updatedBy");
        Schema.required(updatedAt, "updatedAt");
    }

    public String key() {
        return key(brand, language, templateId);
    }

    public static String key(String brand, String language, String templateId) {
        return brand + "/" + language + "/" + templateId;
    }
}

package io.vigie.model;

/** A media object attached to a mention: a video, an enclosure, a thumbnail. */
public record MediaRef(String url, String type, Long length, String thumbnailUrl) {
    public MediaRef {
        Schema.required(url, "media.url");
    }
}

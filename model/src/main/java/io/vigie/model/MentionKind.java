package io.vigie.model;

/** What a mention is on its site: an original post or article, a comment on one, or a video. */
public enum MentionKind {
    POST,
    COMMENT,
    VIDEO
}

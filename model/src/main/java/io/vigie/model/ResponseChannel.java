package io.vigie.model;

/** Where the team answered a mention's author. */
public enum ResponseChannel {
    /** A reply on the same thread, under the same comment or video. */
    SAME_THREAD,
    EMAIL,
    PHONE,
    PRIVATE_MESSAGE
}

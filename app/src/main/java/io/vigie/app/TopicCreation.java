package io.vigie.app;

/**
 * The {@code topics:} section of vigie.yml. {@code create: false} leaves topic creation to the cluster's operators
 * (when Vigie's account may not create topics); otherwise {@code vigie run} creates the missing ones at start.
 */
record TopicCreation(boolean create) {
    static final TopicCreation DEFAULT = new TopicCreation(true);
}

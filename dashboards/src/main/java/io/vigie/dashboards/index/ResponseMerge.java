package io.vigie.dashboards.index;

import io.vigie.model.MentionResponse;

/**
 * What the mention indexer needs from the response desk: the response state to put on a document it writes in
 * full, and a word once that document is written, so a response that arrived meanwhile is merged in after it.
 */
public interface ResponseMerge {
    /** The response state known now, or null. */
    MentionResponse current(String mentionId);

    /** The document was written to {@code index} with the response state of that version (0: none). */
    void indexed(String mentionId, String index, long responseVersion);

    /** For an indexer without a desk (tests, or responses switched off). */
    ResponseMerge NONE = new ResponseMerge() {
        @Override
        public MentionResponse current(String mentionId) {
            return null;
        }

        @Override
        public void indexed(String mentionId, String index, long responseVersion) {}
    };
}

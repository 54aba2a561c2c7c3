package io.vigie.ingest.poll;

import io.vigie.model.DeadLetter;
import io.vigie.model.RawMention;
import io.vigie.runtime.metrics.StageMetrics;
import java.time.Clock;

/**
 * Records ingest's meters once a poll's outcome is durable: the poll (ok or failed), the mentions published, the
 * dead letters by reason, and each mention's fetched-to-raw latency (from its {@code fetchedAt} to the commit).
 */
public final class MeteredPollSink implements PollSink {
    private final PollSink delegate;
    private final StageMetrics metrics;
    private final Clock clock;

    public MeteredPollSink(PollSink delegate, StageMetrics metrics, Clock clock) {
        this.delegate = delegate;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void commit(String feedUrl, PollOutcome outcome) throws Exception {
        delegate.commit(feedUrl, outcome);
        var now = clock.instant();
        metrics.feedPolled(!outcome.failed());
        metrics.mentionsIn(outcome.entriesParsed());
        metrics.mentionsOut(outcome.mentions().size());
        for (RawMention m : outcome.mentions()) {
            metrics.hop("fetched-raw", m.fetchedAt(), now);
        }
        for (DeadLetter d : outcome.deadLetters()) {
            metrics.deadLetter(d.errorType() != null ? d.errorType() : d.reason());
        }
    }

    /** Nothing: the delegate's owner (IngestService) closes it. */
    @Override
    public void close() {}
}

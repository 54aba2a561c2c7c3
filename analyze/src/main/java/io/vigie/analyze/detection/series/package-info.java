/**
 * Online spike detection on one brand series, one observation per interval.
 *
 * <h2>Wiring it (Kafka Streams)</h2>
 * <pre>{@code
 * // once, at topology build time: one detector per series kind, shared by every brand
 * SeriesDetector volume = new SeriesDetector(SeriesParams.forKind(SignalKind.VOLUME, Duration.ofMinutes(1)));
 *
 * // per closed BrandStats window (closed == true), key = brand + "|" + kind, store value = byte[]
 * byte[] stored = store.get(key);
 * SeriesState state = stored == null ? volume.newState() : SeriesState.fromBytes(stored);
 * try {
 *     Observation o = volume.observe(state, stats.windowStart().toEpochMilli(), stats.volume());
 *     store.put(key, state.toBytes());
 *     for (SeriesEvent e : o.events()) {
 *         forward(SpikeSignals.fromSeries(e, stats.brand(), SignalKind.VOLUME, topMentionIds));
 *     }
 * } catch (IllegalArgumentException badInput) {
 *     // out-of-order window, NaN or negative value: dead-letter with badInput.getMessage(); state unchanged
 * }
 * }</pre>
 * Series values: VOLUME {@code stats.volume()}, NEGATIVE_VOLUME {@code stats.negative()}, REACH
 * {@code stats.reach()}; NEGATIVE_SHARE goes through
 * {@code observeShare(state, time, stats.negative(), stats.volume())}, which knows that a share of three mentions
 * is noise (binomial spread) and returns null for a window without mentions. Feed each window once, when it closes, in time order;
 * an interval with no record is a gap, filled with zeros for counts ({@link GapPolicy#ZERO}, what
 * {@code forKind} sets) up to {@code maxGapFill}. {@link SeriesState} has a fixed size whatever the series'
 * length: {@link SeriesState#BYTES} (439) plus, for counts, 8 bytes per step of the one-hour novelty window and per
 * hour of its three-hour record lag (120 for five-minute steps, 504 for one-minute steps); {@code fromBytes} also reads the
 * two previous formats (383 and 391 bytes), so stored states survive an upgrade and are written back in the current
 * one (the busiest-hour record then starts learning, with its own warm-up).
 *
 * <p>{@link SeriesDetector} is immutable and thread-safe (one per kind for the whole topology); a
 * {@link SeriesState} belongs to one series and is not thread-safe, which a state store's per-key access gives.
 *
 * <h2>What it computes</h2>
 * Counts are Anscombe-transformed (Poisson noise has unit variance, so three mentions a day and three thousand an
 * hour are judged alike); expected = local level + hour-of-day + day-of-week profiles learned from the series;
 * z = residual / learned spread (never below Poisson); the anomaly score is z relative to the series' own recent
 * record z (and to a share of its record over weeks), mapped to [0, 1). An episode opens at {@code watchScore}, STARTs an alarm at {@code alertThreshold}
 * (the threshold NAB's optimisation chose, committed in {@code volume-detector.json}), UPDATEs when its score moves
 * by {@code updateStep}, and ENDs after {@code quiet} below {@code endScore}. {@link Observation#onsetScore()} is
 * the alarm stream NAB scores: non-zero only when a point beats every score since the series was last calm and no
 * alarm is open, so one crisis is one onset.
 *
 * <p>Counts also keep the busiest-window record: the square root of the busiest one-hour sum seen (forgetting over a
 * year), learned only from hours that ended three hours ago or more. An hour that beats it by {@code noveltyMargin}
 * (and by two Poisson spreads) STARTs an alarm whatever its z-score, with onset score 1 and
 * {@link SeriesEvent#busiestWindow()} set: a slow rise over hours, which no single interval makes outstanding, still
 * alarms once it is more than the brand has ever had. And a z-score alarm needs the hour's sum to reach
 * {@code materialShare} of that record (on square roots): a brand used to thousands of mentions an hour is not woken
 * for a burst of a few dozen at night.
 */
package io.vigie.analyze.detection.series;

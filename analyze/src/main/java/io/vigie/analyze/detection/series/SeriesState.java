package io.vigie.analyze.detection.series;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Everything a {@link SeriesDetector} remembers about one series: a fixed number of numbers (about 430 bytes
 * serialised, plus for counts 8 bytes per step of the novelty window and per window of record lag: 120 for five-minute steps), whatever
 * the series' length. Mutable on purpose: the detector updates it in place a million times a second. A Kafka Streams store keeps it as {@link #toBytes()} and gives it back through {@link #fromBytes}.
 */
public final class SeriesState {
    static final int HOURS = 24;
    static final int DAYS = 7;
    private static final byte FORMAT = 4;
    /** Size of format 1 (before the long record): still read, so stored states survive an upgrade. */
    private static final int FORMAT_1_BYTES = 1 + 8 * 3 + 8 * 4 + 8 * (HOURS + DAYS) + 2 + 4 + 8 + 8 * 6 + 4 + 4 + 8;
    /** Size of format 2 (before the busiest-window record): still read. */
    private static final int FORMAT_2_BYTES = FORMAT_1_BYTES + 8;
    /** Size of format 3 without its two rings (the window's values, the peaks of the last blocks of sums). */
    private static final int FORMAT_3_FIXED_BYTES = FORMAT_2_BYTES + 8 + 8 + 8 + 8 + 4 + 4 + 8;
    /** Size of format 4 without its rings: format 3 plus the cold-start baseline (two sums). */
    private static final int FORMAT_4_FIXED_BYTES = FORMAT_3_FIXED_BYTES + 8 + 8;
    /** The largest ring a state may hold: 16 KiB is the budget of a whole series state. */
    static final int MAX_RING = 720;
    /**
     * Size of {@link #toBytes()} for a detector without a novelty window (shares, reach); a count series adds 8 bytes
     * per step of its window and per window of its record lag: 120 for a one-hour window and a three-hour lag of
     * five-minute steps, 504 for one-minute steps.
     */
    public static final int BYTES = FORMAT_4_FIXED_BYTES;

    long firstTime;
    long lastTime;
    long count;
    double level;
    double scale;
    double recordZ;
    double onsetPeak;
    double longRecordZ;
    final double[] hourly = new double[HOURS];
    final double[] weekly = new double[DAYS];

    // The busiest-window record (counts only): a moving sum over noveltySteps observations, the peak sum of each of
    // the last lagBlocks blocks of noveltySteps observations, and the record of the blocks older than that (their
    // sums ended at least lagBlocks windows ago: before the current rise, so a burst is compared with the past and
    // not with itself).
    long noveltyStart; // when the record started learning (its warm-up)
    double noveltySum;
    double busiest; // square root of the busiest earlier window's sum, forgetting slowly
    double blockPeak; // the highest sum of the block in progress
    int noveltySteps; // window ring size; 0 = no ring yet
    int lagBlocks; // block ring size
    long noveltyTick; // observations since the record started
    double[] recentValues = new double[0];
    double[] blockPeaks = new double[0];
    // The cold-start baseline (first day of a brand without history): the peak sum of the block before the last
    // (coldPeak), and that of the last finished block, which becomes the baseline one block later (coldPending).
    double coldPeak;
    double coldPending;

    // The open episode, if any.
    boolean active;
    boolean alerted;
    int direction; // +1 rise, -1 fall
    long since;
    double peakScore;
    double reportedScore;
    double peakObserved;
    double peakExpected;
    double peakPValue;
    double lastScore;
    int quietSteps;
    int calmSteps;
    long episodes;

    public SeriesState() {}

    /** When the series' first observation was, epoch milliseconds (0 before any). */
    public long firstTime() {
        return firstTime;
    }

    /** When the open episode began (its signal id's instant), epoch milliseconds. */
    public long since() {
        return since;
    }

    /** How many observations the detector has learned from. */
    public long count() {
        return count;
    }

    /** Whether an episode is open and has reached the alert threshold (a START was emitted, no END yet). */
    public boolean alarmed() {
        return active && alerted;
    }

    /**
     * Closes an open episode without an event: used after learning a brand's history, whose past alarms nobody was
     * told about, so the live series neither UPDATEs nor ENDs an episode that never STARTed.
     */
    public void forgetOpenEpisode() {
        active = false;
        alerted = false;
        quietSteps = 0;
    }

    /** Bytes of this state's {@link #toBytes()}: {@link #BYTES} plus its moving-sum ring. */
    public int sizeInBytes() {
        return FORMAT_4_FIXED_BYTES + 8 * (noveltySteps + lagBlocks);
    }

    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(sizeInBytes());
        b.put(FORMAT);
        b.putLong(firstTime).putLong(lastTime).putLong(count);
        b.putDouble(level).putDouble(scale).putDouble(recordZ).putDouble(onsetPeak);
        for (double h : hourly) {
            b.putDouble(h);
        }
        for (double d : weekly) {
            b.putDouble(d);
        }
        b.put((byte) (active ? 1 : 0)).put((byte) (alerted ? 1 : 0));
        b.putInt(direction);
        b.putLong(since);
        b.putDouble(peakScore).putDouble(reportedScore).putDouble(peakObserved).putDouble(peakExpected)
                .putDouble(peakPValue).putDouble(lastScore);
        b.putInt(quietSteps).putInt(calmSteps);
        b.putLong(episodes);
        b.putDouble(longRecordZ);
        b.putLong(noveltyStart).putDouble(noveltySum).putDouble(busiest).putDouble(blockPeak).putInt(noveltySteps)
                .putInt(lagBlocks).putLong(noveltyTick);
        b.putDouble(coldPeak).putDouble(coldPending);
        // Plain loops: a DoubleBuffer view's bulk copy measured several times slower here (a store round-trips the
        // state at every observation).
        for (double v : recentValues) {
            b.putDouble(v);
        }
        for (double v : blockPeaks) {
            b.putDouble(v);
        }
        return b.array();
    }

    /**
     * Reads a state written by {@link #toBytes()}, of this format, of format 2 (no busiest-window record: it starts
     * learning, with its warm-up, from the next observation) or of format 1 (no long record either: it starts at 0).
     *
     * @throws IllegalArgumentException when the bytes are not a state written by {@link #toBytes()}
     */
    public static SeriesState fromBytes(byte[] bytes) {
        int version = bytes == null || bytes.length == 0 ? -1 : bytes[0];
        int fixed = version == FORMAT ? FORMAT_4_FIXED_BYTES : FORMAT_3_FIXED_BYTES;
        boolean ringed = (version == FORMAT || version == 3) && bytes.length >= fixed;
        int window = ringed ? ByteBuffer.wrap(bytes).getInt(FORMAT_3_FIXED_BYTES - 16) : -1;
        int lag = ringed ? ByteBuffer.wrap(bytes).getInt(FORMAT_3_FIXED_BYTES - 12) : -1;
        boolean current = window >= 0 && window <= MAX_RING && lag >= 0 && lag <= MAX_RING
                && (window == 0) == (lag == 0) && bytes.length == fixed + 8 * (window + lag);
        boolean format2 = bytes != null && bytes.length == FORMAT_2_BYTES && bytes[0] == 2;
        boolean format1 = bytes != null && bytes.length == FORMAT_1_BYTES && bytes[0] == 1;
        if (!current && !format2 && !format1) {
            throw new IllegalArgumentException("not a series detector state (format " + FORMAT + ", " + BYTES
                    + " bytes plus 8 per ring step, format 3, " + FORMAT_3_FIXED_BYTES + " plus 8 per ring step, format 2, "
                    + FORMAT_2_BYTES + " bytes, or format 1, " + FORMAT_1_BYTES + " bytes): got "
                    + (bytes == null ? "null" : bytes.length + " bytes"));
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        b.get();
        SeriesState s = new SeriesState();
        s.firstTime = b.getLong();
        s.lastTime = b.getLong();
        s.count = b.getLong();
        s.level = b.getDouble();
        s.scale = b.getDouble();
        s.recordZ = b.getDouble();
        s.onsetPeak = b.getDouble();
        for (int i = 0; i < HOURS; i++) {
            s.hourly[i] = b.getDouble();
        }
        for (int i = 0; i < DAYS; i++) {
            s.weekly[i] = b.getDouble();
        }
        s.active = b.get() == 1;
        s.alerted = b.get() == 1;
        s.direction = b.getInt();
        s.since = b.getLong();
        s.peakScore = b.getDouble();
        s.reportedScore = b.getDouble();
        s.peakObserved = b.getDouble();
        s.peakExpected = b.getDouble();
        s.peakPValue = b.getDouble();
        s.lastScore = b.getDouble();
        s.quietSteps = b.getInt();
        s.calmSteps = b.getInt();
        s.episodes = b.getLong();
        if (current || format2) {
            s.longRecordZ = b.getDouble();
        }
        if (current) {
            s.noveltyStart = b.getLong();
            s.noveltySum = b.getDouble();
            s.busiest = b.getDouble();
            s.blockPeak = b.getDouble();
            s.noveltySteps = b.getInt();
            s.lagBlocks = b.getInt();
            s.noveltyTick = b.getLong();
            if (s.noveltyTick < 0) {
                throw new IllegalArgumentException("not a series detector state: negative ring tick " + s.noveltyTick);
            }
            if (version == FORMAT) {
                s.coldPeak = b.getDouble();
                s.coldPending = b.getDouble();
            }
            s.recentValues = new double[s.noveltySteps];
            s.blockPeaks = new double[s.lagBlocks];
            for (int i = 0; i < s.noveltySteps; i++) {
                s.recentValues[i] = b.getDouble();
            }
            for (int i = 0; i < s.lagBlocks; i++) {
                s.blockPeaks[i] = b.getDouble();
            }
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeriesState s && Arrays.equals(toBytes(), s.toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }
}

package io.vigie.analyze.detection.series;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Everything a {@link SeriesDetector} remembers about one series: a fixed number of numbers (about 400 bytes
 * serialised), whatever the series' length. Mutable on purpose: the detector updates it in place a million times a
 * second. A Kafka Streams store keeps it as {@link #toBytes()} and gives it back through {@link #fromBytes}.
 */
public final class SeriesState {
    static final int HOURS = 24;
    static final int DAYS = 7;
    private static final byte FORMAT = 2;
    /** Size of format 1 (before the long record): still read, so stored states survive an upgrade. */
    private static final int FORMAT_1_BYTES = 1 + 8 * 3 + 8 * 4 + 8 * (HOURS + DAYS) + 2 + 4 + 8 + 8 * 6 + 4 + 4 + 8;
    /** Size of {@link #toBytes()}. */
    public static final int BYTES = FORMAT_1_BYTES + 8;

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

    /** How many observations the detector has learned from. */
    public long count() {
        return count;
    }

    /** Whether an episode is open and has reached the alert threshold (a START was emitted, no END yet). */
    public boolean alarmed() {
        return active && alerted;
    }

    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(BYTES);
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
        return b.array();
    }

    /**
     * Reads a state written by {@link #toBytes()}, of this format or of format 1 (whose long record starts at 0).
     *
     * @throws IllegalArgumentException when the bytes are not a state written by {@link #toBytes()}
     */
    public static SeriesState fromBytes(byte[] bytes) {
        boolean current = bytes != null && bytes.length == BYTES && bytes[0] == FORMAT;
        boolean format1 = bytes != null && bytes.length == FORMAT_1_BYTES && bytes[0] == 1;
        if (!current && !format1) {
            throw new IllegalArgumentException("not a series detector state (format " + FORMAT + ", " + BYTES
                    + " bytes, or format 1, " + FORMAT_1_BYTES + " bytes): got "
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
        if (current) {
            s.longRecordZ = b.getDouble();
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

package io.vigie.analyze.detection.nab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.analyze.detection.series.SeriesParams;
import io.vigie.model.VigieJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The thresholds NAB's optimisation chose for the volume detector, one per profile, committed beside its
 * parameters in {@link SeriesParams#VOLUME_RESOURCE} (section {@code nab.thresholds}). The standard profile's is
 * also the detector's {@code alertThreshold}.
 */
public final class SavedNabThresholds {
    private SavedNabThresholds() {}

    public static Map<String, Double> load() {
        try (InputStream in = SavedNabThresholds.class.getResourceAsStream(SeriesParams.VOLUME_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + SeriesParams.VOLUME_RESOURCE + " is missing");
            }
            ObjectMapper json = VigieJson.newMapper();
            JsonNode thresholds = json.readTree(in).path("nab").path("thresholds");
            if (!thresholds.isObject() || thresholds.isEmpty()) {
                throw new IllegalStateException(SeriesParams.VOLUME_RESOURCE + " has no nab.thresholds: run"
                        + " `vigie eval nab --data ../shared/data/nab --write-params <that file>` first");
            }
            Map<String, Double> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = thresholds.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue().asDouble());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SeriesParams.VOLUME_RESOURCE, e);
        }
    }
}

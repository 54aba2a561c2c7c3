package io.vigie.runtime.config;

import io.vigie.model.testing.Fuzz;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.runtime.connect.ElasticsearchConnection;
import io.vigie.runtime.connect.KafkaConnection;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mutated copies of the example configuration (see {@link Fuzz} for the seed and the budget): the loader and the
 * binding of the connection sections answer a document or a {@link ConfigException} that names the file, never
 * another exception, never a hang.
 */
class ConfigLoaderFuzzTest {
    private static final List<String> DICTIONARY = List.of("\n", "\n  ", "\n    - ", ": ", "- ", "&a ", "*a ", "<<: *a\n",
            "!!binary ", "!!java.io.File ", "!!int ", "${VIGIE_KAFKA_PASSWORD}", "${UNSET}", "${UNSET:-default}", "${",
            "{", "}", "[", "]", ",", "~", "null", "0x1F", ".inf", "-.nan", "? ", "|\n", ">-\n", "'", "\"", "#", "---\n",
            "...\n", "\t", "kafka:", "elasticsearch:", "url: ", "bootstrapServers: ", "properties: ", "apiKey: ",
            "99999999999999999999", "true", "[1, 2, [3, [4]]]", "{a: {b: {c: d}}}");

    @Test
    void mutatedConfigurationsLoadOrFailWithAnErrorThatNamesTheFile() throws Exception {
        String example = Files.readString(ExampleConfigurationTest.exampleFile());
        Fuzz fuzz = new Fuzz("config-loader", Duration.ofSeconds(10));
        int ran = fuzz.run(List.of(example, "kafka:\n  bootstrapServers: localhost:9092\n",
                "elasticsearch:\n  url: http://localhost:9200\n  apiKey: ${VIGIE_ES_API_KEY}\n"), DICTIONARY, yaml -> {
            try {
                ConfigDocument doc = ConfigDocument.parse(yaml, "fuzz.yml", ExampleConfigurationTest.ENV::get);
                doc.bind("kafka", KafkaConnection.class, null);
                doc.bind("elasticsearch", ElasticsearchConnection.class, null);
            } catch (ConfigException e) {
                assertTrue(e.getMessage().startsWith("fuzz.yml"), "the error names the file: " + e.getMessage());
                assertFalse(e.getMessage().isBlank());
                assertTrue(e.line() >= 0, e.getMessage());
            }
        });
        assertTrue(ran > 3, "only the corpus ran");
    }
}

package io.vigie.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.runtime.config.ConfigException;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.service.StageContext;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class AlertingStageTest {
    @Test
    void theStageRefusesAWrongAlertingSectionBeforeBuildingAnything() {
        String yaml = Fixtures.YAML.replace("      receiver: ops-webhook\n", "      receiver: x\n");
        StageContext context = new StageContext(Fixtures.document(yaml), KafkaConnection.plaintext("127.0.0.1:1"),
                null, "test", Path.of("target"), Clock.systemUTC());
        ConfigException e = assertThrows(ConfigException.class, () -> new AlertingStage().services(context));
        assertEquals("alerting.routes[0].routes[0].receiver", e.key());
        assertTrue(e.getMessage().startsWith("alerting.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown receiver 'x'"), e.getMessage());
    }
}

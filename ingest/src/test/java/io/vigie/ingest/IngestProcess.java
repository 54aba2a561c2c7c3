package io.vigie.ingest;

import io.vigie.runtime.config.ConfigDocument;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.service.StageContext;
import io.vigie.runtime.service.VigieService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The ingest stage alone in its own JVM, as {@code vigie ingest --config <file> --instance-id <id>} runs it
 * (IngestStage → IngestService), for tests that kill it with SIGKILL.
 */
public final class IngestProcess {
    public static void main(String[] args) throws Exception {
        ConfigDocument doc = ConfigDocument.read(Path.of(args[0]));
        KafkaConnection kafka = doc.bind("kafka", KafkaConnection.class);
        StageContext context = new StageContext(doc, kafka, null, args[1], Path.of(args[2]), Clock.systemUTC());
        List<VigieService> services = new IngestStage().services(context);
        services.forEach(VigieService::start);
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

package io.vigie.analyze.streams;

import io.vigie.runtime.connect.KafkaConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One analyze instance in its own JVM, for the kill test: args are bootstrap servers, application id, state
 * directory and instance id. Prints "TASKS n" whenever its number of active tasks changes, so the test knows both
 * instances share the partitions. Runs until killed.
 */
public final class AnalyzeChildProcess {
    public static void main(String[] args) throws InterruptedException {
        KafkaConnection kafka = new KafkaConnection(args[0], Map.of(
                "session.timeout.ms", "10000", "heartbeat.interval.ms", "1000"));
        AnalyzeConfig config = new AnalyzeConfig(args[1], 1, 100, null, Duration.ofMinutes(2), null, null,
                Duration.ofSeconds(1), null);
        AnalyzeService service = new AnalyzeService(config, kafka, Path.of(args[2]), args[3],
                new KeywordSentimentScorer(), List.of());
        service.start();
        int last = -1;
        while (true) {
            int tasks = service.state().isRunningOrRebalancing() ? service.activeTasks() : 0;
            if (tasks != last) {
                System.out.println("TASKS " + tasks + " STATE " + service.state());
                System.out.flush();
                last = tasks;
            }
            Thread.sleep(200);
        }
    }
}

package io.vigie.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigie.runtime.config.ConfigDocument;
import io.vigie.runtime.connect.ElasticsearchConnection;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.service.Stage;
import io.vigie.runtime.service.StageContext;
import io.vigie.runtime.service.VigieService;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceRunnerTest {
    private final List<String> events = new ArrayList<>();
    private final StageContext context = new StageContext(ConfigDocument.empty("test"),
            KafkaConnection.plaintext("127.0.0.1:9"), ElasticsearchConnection.open(URI.create("http://127.0.0.1:9")),
            "test-1", Path.of("target/state"), Clock.systemUTC());

    private VigieService service(String name, boolean failsToStart) {
        return new VigieService() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void start() {
                if (failsToStart) {
                    throw new IllegalStateException(name + " cannot start");
                }
                events.add("start " + name);
            }

            @Override
            public void close() {
                events.add("stop " + name);
            }
        };
    }

    private Stage stage(String name, VigieService... services) {
        return new Stage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<VigieService> services(StageContext c) {
                events.add("build " + name);
                return List.of(services);
            }
        };
    }

    @Test
    void servicesStartInStageOrderAfterEveryStageIsBuiltAndStopInReverse() {
        try (ServiceRunner runner = ServiceRunner.start(List.of(stage("ingest", service("poller", false)),
                stage("analyze", service("scorer", false), service("detector", false))), context)) {
            assertEquals(List.of("poller", "scorer", "detector"), runner.serviceNames());
        }
        assertEquals(List.of("build ingest", "build analyze", "start poller", "start scorer", "start detector",
                "stop detector", "stop scorer", "stop poller"), events);
    }

    @Test
    void aServiceThatCannotStartStopsTheOnesAlreadyStarted() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ServiceRunner.start(List.of(
                stage("ingest", service("poller", false), service("crawler", true), service("never", false))), context));
        assertEquals("crawler cannot start", e.getMessage());
        assertEquals(List.of("build ingest", "start poller", "stop poller"), events);
    }

    @Test
    void aConfigErrorInAStageStopsTheLaunchBeforeAnyServiceStarts() {
        Stage broken = new Stage() {
            @Override
            public String name() {
                return "alerting";
            }

            @Override
            public List<VigieService> services(StageContext c) {
                throw c.config().error("alerting.routes", "this section is required");
            }
        };
        assertThrows(RuntimeException.class,
                () -> ServiceRunner.start(List.of(stage("ingest", service("poller", false)), broken), context));
        assertEquals(List.of("build ingest"), events);
    }

    @Test
    void onlyNamedStagesRunInTheUsualOrder() {
        List<Stage> all = List.of(stage("ingest"), stage("analyze"), stage("alerting"), stage("dashboards"));
        assertEquals(List.of("analyze", "dashboards"),
                StageSelection.select(all, List.of("dashboards", "analyze")).stream().map(Stage::name).toList());
        assertEquals(4, StageSelection.select(all, List.of()).size());
    }

    /** A service whose set-up finishes after start() returned, as the indexer's Elasticsearch template does. */
    private static VigieService settingUpAsynchronously(String name, java.util.concurrent.CountDownLatch setUp) {
        return new VigieService() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void start() {}

            @Override
            public boolean awaitReady(java.time.Duration timeout) throws InterruptedException {
                return setUp.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }

            @Override
            public void close() {}
        };
    }

    @Test
    void aServiceStillSettingUpIsNotReadyUntilItsSetUpIsDone() throws Exception {
        java.util.concurrent.CountDownLatch setUp = new java.util.concurrent.CountDownLatch(1);
        try (ServiceRunner runner = ServiceRunner.start(List.of(stage("dashboards", service("web", false),
                settingUpAsynchronously("indexer", setUp))), context)) {
            assertEquals(List.of("indexer"), runner.awaitReady(java.time.Duration.ofMillis(100)));
            java.util.concurrent.CompletableFuture<Boolean> ready = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return runner.awaitReadyUnless(new ShutdownSignal());
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(700);
            org.junit.jupiter.api.Assertions.assertFalse(ready.isDone(), "not ready while the set-up runs");
            setUp.countDown();
            org.junit.jupiter.api.Assertions.assertTrue(ready.get(10, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(List.of(), runner.awaitReady(java.time.Duration.ZERO));
        }
    }

    @Test
    void aStopRequestedWhileWaitingForReadinessEndsTheWaitWithoutReady() throws Exception {
        ShutdownSignal signal = new ShutdownSignal();
        try (ServiceRunner runner = ServiceRunner.start(List.of(stage("dashboards",
                settingUpAsynchronously("indexer", new java.util.concurrent.CountDownLatch(1)))), context)) {
            signal.received("SIGTERM");
            org.junit.jupiter.api.Assertions.assertFalse(runner.awaitReadyUnless(signal));
        }
    }
}

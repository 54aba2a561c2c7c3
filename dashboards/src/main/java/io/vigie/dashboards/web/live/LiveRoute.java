package io.vigie.dashboards.web.live;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code GET /live}: the server-sent events of one page. Query parameters: {@code brand} (only this brand's events),
 * {@code types} (comma-separated event names, default all), {@code since} (epoch millis: replay the mentions scored
 * since then, the cut of the page's history). A reconnecting EventSource sends {@code Last-Event-ID}, which wins.
 */
public final class LiveRoute {
    private final LiveHub hub;

    public LiveRoute(LiveHub hub) {
        this.hub = hub;
    }

    public void open(SseClient client) {
        Context ctx = client.ctx();
        String brand = blankToNull(ctx.queryParam("brand"));
        String typeList = blankToNull(ctx.queryParam("types"));
        Set<String> types = typeList == null ? Set.of()
                : Arrays.stream(typeList.split(",")).map(String::trim).collect(Collectors.toSet());
        Predicate<LiveEvent> wants = e -> (types.isEmpty() || types.contains(e.type())) && e.concerns(brand);
        client.keepAlive();
        String last = blankToNull(ctx.header("Last-Event-ID"));
        if (last == null) {
            last = blankToNull(ctx.queryParam("lastEventId"));
        }
        LivePage page;
        if (last != null) {
            page = hub.subscribeAfter(client, last, wants);
        } else if (ctx.queryParam("since") != null) {
            Instant since;
            try {
                since = Instant.ofEpochMilli(Long.parseLong(ctx.queryParam("since")));
            } catch (NumberFormatException e) {
                since = null;
            }
            page = hub.subscribeSince(client, since, wants);
        } else {
            page = hub.subscribeAfter(client, hub.currentId(), wants);
        }
        client.onClose(page::close);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

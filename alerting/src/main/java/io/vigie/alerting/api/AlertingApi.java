package io.vigie.alerting.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.vigie.alerting.AlertingConfig;
import io.vigie.alerting.HumanDuration;
import io.vigie.alerting.desk.ActionQueuedException;
import io.vigie.alerting.desk.IncidentDesk;
import io.vigie.alerting.incidents.Actions;
import io.vigie.alerting.messages.MessageRenderer;
import io.vigie.alerting.outbox.OutboxDispatcher;
import io.vigie.alerting.routing.Matcher;
import io.vigie.model.IncidentEvent;
import io.vigie.model.IncidentStatus;
import io.vigie.model.Silence;
import io.vigie.model.VigieJson;
import io.vigie.runtime.service.VigieService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerting HTTP API. Routes (all JSON unless said):
 * <pre>
 * GET    /health
 * GET    /api/incidents[?status=OPEN|ACKNOWLEDGED|RESOLVED]
 * GET    /api/incidents/{id}
 * POST   /api/incidents/{id}/acknowledge   {"actor": "...", "note": "..."}
 * POST   /api/incidents/{id}/resolve       {"actor": "...", "note": "..."}
 * POST   /api/incidents/{id}/reopen        {"actor": "...", "note": "..."}
 * POST   /api/incidents/{id}/notes         {"actor": "...", "note": "..."}
 * GET    /api/silences
 * GET    /api/silences/{id}
 * POST   /api/silences                     {"matchers": [...], "startsAt"?, "endsAt" | "duration", "author", "reason"}
 * PUT    /api/silences/{id}                same body: replaces it
 * DELETE /api/silences/{id}?actor=...
 * GET    /api/notifications/failed
 * GET    /a/{token}   HTML confirmation page of a signed link
 * POST   /a/{token}   performs the signed action
 * </pre>
 * When {@code alerting.api.token} is set, /api/* requires {@code Authorization: Bearer <token>}.
 */
public final class AlertingApi implements VigieService {
    private static final Logger log = LoggerFactory.getLogger(AlertingApi.class);

    private final AlertingConfig config;
    private final IncidentDesk desk;
    private final SignedLinks links;
    private final MessageRenderer renderer;
    private final Supplier<OutboxDispatcher> outbox;
    private final Clock clock;
    private final ObjectMapper json = VigieJson.newMapper();
    private Javalin app;
    private final List<Route> routes = new ArrayList<>();

    /**
     * One route as registered, and who may call it: {@code token} (the API token when one is configured),
     * {@code signed link} (the token in the path is the credential) or {@code anyone}.
     */
    public record Route(String method, String path, String access) {}

    /** Body of the incident actions. */
    public record ActionRequest(String actor, String note) {}

    /** Body of silence creation and replacement. */
    public record SilenceRequest(List<String> matchers, Instant startsAt, Instant endsAt, String duration,
            String author, String reason) {}

    public AlertingApi(AlertingConfig config, IncidentDesk desk, SignedLinks links, MessageRenderer renderer,
            Supplier<OutboxDispatcher> outbox, Clock clock) {
        this.config = config;
        this.desk = desk;
        this.links = links;
        this.renderer = renderer;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "alerting-api";
    }

    /** The bound port (useful when configured with port 0). */
    public int port() {
        return app.port();
    }

    @Override
    public void start() {
        app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(json, false));
        });
        app.before("/api/*", this::authorize);
        route(HandlerType.GET, "/health", ctx -> ctx.json(Map.of("status", "up")));
        route(HandlerType.GET, "/api/incidents", this::listIncidents);
        route(HandlerType.GET, "/api/incidents/{id}", ctx -> ctx.json(incident(ctx.pathParam("id"))));
        route(HandlerType.POST, "/api/incidents/{id}/acknowledge", ctx -> act(ctx, Actions.ACKNOWLEDGED));
        route(HandlerType.POST, "/api/incidents/{id}/resolve", ctx -> act(ctx, Actions.RESOLVED));
        route(HandlerType.POST, "/api/incidents/{id}/reopen", ctx -> act(ctx, Actions.REOPENED));
        route(HandlerType.POST, "/api/incidents/{id}/notes", ctx -> act(ctx, Actions.NOTE));
        route(HandlerType.GET, "/api/silences", ctx -> ctx.json(desk.silences()));
        route(HandlerType.GET, "/api/silences/{id}", ctx -> ctx.json(desk.silence(ctx.pathParam("id"))
                .orElseThrow(() -> new NoSuchElementException("no silence " + ctx.pathParam("id")))));
        route(HandlerType.POST, "/api/silences", ctx -> ctx.status(HttpStatus.CREATED)
                .json(desk.addSilence(silence(ctx, "sil-" + UUID.randomUUID()))));
        route(HandlerType.PUT, "/api/silences/{id}", ctx -> {
            desk.silence(ctx.pathParam("id"))
                    .orElseThrow(() -> new NoSuchElementException("no silence " + ctx.pathParam("id")));
            ctx.json(desk.addSilence(silence(ctx, ctx.pathParam("id"))));
        });
        route(HandlerType.DELETE, "/api/silences/{id}", ctx -> {
            String actor = oneLine(required(ctx.queryParam("actor"), "actor"), "actor");
            if (!desk.deleteSilence(ctx.pathParam("id"), actor)) {
                throw new NoSuchElementException("no silence " + ctx.pathParam("id"));
            }
            ctx.status(HttpStatus.NO_CONTENT);
        });
        route(HandlerType.GET, "/api/notifications/failed", ctx -> {
            OutboxDispatcher o = outbox.get();
            ctx.json(o == null ? List.of() : o.recentlyFailed());
        });
        route(HandlerType.GET, "/a/{token}", ctx -> linkPage(ctx, false));
        route(HandlerType.POST, "/a/{token}", ctx -> linkPage(ctx, true));
        app.exception(ActionQueuedException.class, (e, ctx) -> error(ctx, HttpStatus.ACCEPTED, e));
        app.exception(NoSuchElementException.class, (e, ctx) -> error(ctx, HttpStatus.NOT_FOUND, e));
        app.exception(IllegalStateException.class, (e, ctx) -> error(ctx, HttpStatus.CONFLICT, e));
        app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e));
        // A malformed ISO duration ("P", "PTx") or one that overflows an instant: the caller's input, not a 500.
        app.exception(java.time.DateTimeException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST,
                new IllegalArgumentException("bad time or duration: " + e.getMessage())));
        app.exception(ArithmeticException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST,
                new IllegalArgumentException("time or duration out of range: " + e.getMessage())));
        app.exception(io.javalin.validation.ValidationException.class,
                (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e));
        app.exception(com.fasterxml.jackson.core.JacksonException.class,
                (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, new IllegalArgumentException(
                        "invalid JSON body: " + e.getOriginalMessage())));
        app.start(config.api().host(), config.api().port());
        log.info("service=alerting-api event=started host={} port={}", config.api().host(), app.port());
    }

    /** Every route, in the order registered (tests call each one; the README lists them). */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    private void route(HandlerType method, String path, Handler handler) {
        app.addHttpHandler(method, path, handler);
        routes.add(new Route(method.name(), path, path.startsWith("/api/") ? "token" : path.startsWith("/a/")
                ? "signed link" : "anyone"));
    }

    private void authorize(Context ctx) {
        String token = config.api().token();
        if (token == null || token.isBlank()) {
            return;
        }
        String given = ctx.header("Authorization");
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            ctx.status(HttpStatus.UNAUTHORIZED).json(Map.of("error", "missing or wrong bearer token"));
            ctx.skipRemainingHandlers();
        }
    }

    private void listIncidents(Context ctx) {
        String status = ctx.queryParam("status");
        IncidentStatus wanted = status == null ? null : IncidentStatus.valueOf(status.toUpperCase());
        ctx.json(desk.incidents().stream()
                .filter(i -> wanted == null || i.status() == wanted)
                .sorted(Comparator.comparing(IncidentEvent::openedAt).reversed())
                .toList());
    }

    private IncidentEvent incident(String id) {
        return desk.incident(id).orElseThrow(() -> new NoSuchElementException("no incident " + id));
    }

    private void act(Context ctx, String action) throws Exception {
        ActionRequest body = ctx.body().isBlank() ? null : json.readValue(ctx.body(), ActionRequest.class);
        // A JSON null body reads as null: the same as no body, "actor is required" below, not a 500.
        body = body == null ? new ActionRequest(null, null) : body;
        incident(ctx.pathParam("id"));
        ctx.json(desk.act(ctx.pathParam("id"), action, oneLine(required(body.actor(), "actor"), "actor"), body.note()));
    }

    private Silence silence(Context ctx, String id) throws Exception {
        SilenceRequest r = json.readValue(ctx.body(), SilenceRequest.class);
        if (r == null) {
            throw new IllegalArgumentException("the body must be a JSON object: {\"matchers\": [...], ...}");
        }
        if (r.matchers() == null || r.matchers().isEmpty()) {
            throw new IllegalArgumentException("matchers: at least one is required, e.g. brand=\"acme\"");
        }
        r.matchers().forEach(m -> Matcher.parse(oneLine(m, "matchers")));
        Instant now = clock.instant();
        Instant starts = r.startsAt() == null ? now : r.startsAt();
        Instant ends = r.endsAt();
        if (ends == null && r.duration() != null) {
            ends = starts.plus(HumanDuration.parse(r.duration()));
        }
        if (ends == null) {
            throw new IllegalArgumentException("endsAt or duration is required: a silence always expires");
        }
        return new Silence(0, id, r.matchers(), starts, ends, oneLine(required(r.author(), "author"), "author"),
                required(r.reason(), "reason"), now);
    }

    private void linkPage(Context ctx, boolean perform) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("b", MessageRenderer.BUNDLE);
        page.put("problem", "");
        page.put("action", "acknowledge");
        page.put("incidentId", "");
        page.put("summary", "");
        page.put("status", "OPEN");
        AlertingConfig.Receiver receiver = null;
        try {
            SignedLinks.Claim claim = links.verify(ctx.pathParam("token"));
            receiver = config.receivers().stream().filter(r -> r.name().equals(claim.receiver())).findFirst()
                    .orElse(null);
            List<IncidentEvent> incidents = claim.incidentIds().stream().map(this::incident).toList();
            IncidentEvent incident = incidents.get(0);
            page.put("action", claim.action());
            page.put("incidentId", String.join(", ", claim.incidentIds()));
            page.put("summary", incident.brand() + " — " + String.join(" · ",
                    incidents.stream().map(IncidentEvent::summary).toList()));
            if (perform) {
                String action = claim.action().equals("acknowledge") ? Actions.ACKNOWLEDGED : Actions.RESOLVED;
                IncidentEvent done = null;
                RuntimeException refused = null;
                for (IncidentEvent i : incidents) {
                    try {
                        IncidentEvent after = desk.act(i.incidentId(), action, claim.receiver(), "via signed link");
                        done = done == null ? after : done;
                    } catch (IllegalStateException e) {
                        // Already acknowledged or resolved by someone else: the others of the group still count.
                        refused = refused == null ? e : refused;
                    }
                }
                if (done == null) {
                    throw refused;
                }
                page.put("state", "done");
                page.put("status", done.status().name());
            } else {
                page.put("state", "confirm");
            }
        } catch (ActionQueuedException e) {
            page.put("state", "invalid");
            page.put("problem", e.getMessage());
            ctx.status(HttpStatus.ACCEPTED);
        } catch (IllegalArgumentException | IllegalStateException | NoSuchElementException e) {
            page.put("state", "invalid");
            page.put("problem", e.getMessage());
            ctx.status(e instanceof IllegalStateException ? HttpStatus.CONFLICT : HttpStatus.FORBIDDEN);
        }
        AlertingConfig.Receiver shownTo = receiver != null ? receiver
                : new AlertingConfig.Receiver("link", "webhook", null, null, "en", "UTC", null, null, null, null);
        page.put("language", shownTo.language());
        ctx.contentType("text/html; charset=utf-8").result(renderer.render("link.html.peb", "html", page, shownTo));
    }

    /** Who did it goes into one-line log records: a line break or control character there would forge a record. */
    private static String oneLine(String value, String field) {
        if (value != null && value.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            throw new IllegalArgumentException(field + ": no line breaks or control characters");
        }
        return value;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    private static void error(Context ctx, HttpStatus status, Exception e) {
        ctx.status(status).json(Map.of("error", String.valueOf(e.getMessage())));
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }
}

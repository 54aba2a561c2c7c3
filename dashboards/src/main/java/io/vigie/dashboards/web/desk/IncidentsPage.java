package io.vigie.dashboards.web.desk;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.vigie.dashboards.incidents.IncidentActions;
import io.vigie.dashboards.web.PageServices;
import io.vigie.dashboards.web.WebContext;
import io.vigie.dashboards.web.brand.BrandFigures;
import io.vigie.dashboards.web.brand.BrandQuery;
import io.vigie.dashboards.web.brand.Range;
import io.vigie.dashboards.web.live.MentionCard;
import io.vigie.model.IncidentEvent;
import io.vigie.model.IncidentStatus;
import io.vigie.model.Silence;
import io.vigie.model.VigieJson;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Incidents on the desk: {@code GET /incidents} (list, live through the {@code incident} events of
 * {@code /live}), {@code GET /incidents/{id}} (the explanation in the reader's language, the brand's series around the
 * incident with its expected band, the timeline, the notifications and their delivery, the mentions that drove it),
 * their JSON, and {@code POST /api/incidents/{id}/{action}}
 * (responders: acknowledge, resolve, reopen, note, silence), answered with the owner's outcome: 200 applied,
 * 409 with who won, 404, 400, 202 queued.
 */
public final class IncidentsPage {
    /** The baseline drawn before the incident: enough hours to see the usual level and its band. */
    static final Duration BEFORE = Duration.ofHours(2);
    /** Drawn after the resolution: the return to the usual. */
    static final Duration AFTER = Duration.ofMinutes(30);

    private final PageServices services;
    private final DeskServices desk;
    private final BrandQuery brands;
    private final ObjectMapper json = VigieJson.newMapper();

    public IncidentsPage(PageServices services, DeskServices desk) {
        this.services = services;
        this.desk = desk;
        this.brands = new BrandQuery(services.elasticsearch(), services.alias());
    }

    public void page(Context ctx) {
        services.views().render(ctx, "incidents", Map.of("incidents", desk.incidents().incidents()));
    }

    public void detail(Context ctx) throws IOException {
        IncidentEvent incident = incident(ctx);
        Instant now = services.clock().instant();
        Range range = seriesRange(incident, now);
        BrandFigures figures = brands.figures(incident.brand(), range, range.to().toEpochMilli(),
                WebContext.preferences(ctx).zone(), Map.of());
        Map<String, Object> data = new HashMap<>();
        data.put("figures", figures);
        data.put("openedAt", incident.openedAt().toEpochMilli());
        data.put("resolvedAt", incident.resolvedAt() == null ? null : incident.resolvedAt().toEpochMilli());
        Map<String, Object> m = new HashMap<>();
        m.put("incident", incident);
        m.put("ratio", ratio(incident));
        m.put("range", range);
        m.put("deliveries", desk.incidents().deliveries(incident.incidentId()));
        m.put("mentions", drivingMentions(incident.topMentionIds()));
        m.put("silences", desk.incidents().activeSilences(now));
        m.put("pageData", json.writeValueAsString(data));
        services.views().render(ctx, "incident", m);
    }

    /**
     * The stretch of the brand's series the page draws: from {@link #BEFORE} before the incident opened (its
     * baseline) to {@link #AFTER} after it was resolved, or to now while it is not.
     */
    static Range seriesRange(IncidentEvent incident, Instant now) {
        Instant from = incident.openedAt().minus(BEFORE);
        Instant end = incident.resolvedAt() == null ? now : incident.resolvedAt().plus(AFTER);
        boolean live = !end.isBefore(now);
        return Range.between(from, live ? now : end, live);
    }

    /** Observed against expected as alerting computes it; null when nothing was expected (a first mention). */
    static Double ratio(IncidentEvent incident) {
        return incident.expected() <= 0 ? null : incident.observed() / incident.expected();
    }

    /** The mentions that drove the incident, in the order the signal gave them, as indexed (sentiment, copies). */
    private List<MentionCard> drivingMentions(List<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<FieldValue> values = ids.stream().map(FieldValue::of).toList();
        SearchResponse<JsonNode> found = services.elasticsearch().search(s -> s.index(services.alias())
                .ignoreUnavailable(true).allowNoIndices(true).size(ids.size())
                .query(q -> q.terms(t -> t.field("id").terms(v -> v.value(values)))), JsonNode.class);
        Map<String, MentionCard> byId = new HashMap<>();
        for (Hit<JsonNode> hit : found.hits().hits()) {
            MentionCard card = MentionCard.ofDocument(hit.source());
            byId.put(card.id(), card);
        }
        List<MentionCard> out = new ArrayList<>();
        for (String id : ids) {
            if (byId.containsKey(id)) {
                out.add(byId.get(id));
            }
        }
        return out;
    }

    public void json(Context ctx) {
        String status = ctx.queryParam("status");
        if (status == null) {
            ctx.json(desk.incidents().incidents());
            return;
        }
        IncidentStatus wanted;
        try {
            wanted = IncidentStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // The caller's typo, not a server error (it was a 500).
            throw new io.javalin.http.BadRequestResponse("unknown status " + status + ": one of "
                    + java.util.Arrays.toString(IncidentStatus.values()));
        }
        ctx.json(desk.incidents().incidents(wanted));
    }

    public void one(Context ctx) {
        ctx.json(incident(ctx));
    }

    public void act(Context ctx) {
        String id = ctx.pathParam("id");
        String actor = WebContext.principal(ctx).name();
        String note = form(ctx, "note");
        String action = switch (ctx.pathParam("action")) {
            case "acknowledge" -> "acknowledged";
            case "resolve" -> "resolved";
            case "reopen" -> "reopened";
            case "note" -> "note";
            case "silence" -> null;
            default -> throw new NotFoundResponse("no incident action " + ctx.pathParam("action"));
        };
        if (action == null) {
            silence(ctx, id, actor);
            return;
        }
        IncidentActions.Outcome outcome = desk.actions().act(id, action, actor, note);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", outcome.kind());
        body.put("incident", outcome.incident());
        if (outcome.error() != null) {
            body.put("error", outcome.error());
        }
        if (outcome.winner() != null) {
            body.put("winner", outcome.winner());
        }
        ctx.status(switch (outcome.kind()) {
            case "APPLIED" -> HttpStatus.OK;
            case "QUEUED" -> HttpStatus.ACCEPTED;
            case "NOT_FOUND" -> HttpStatus.NOT_FOUND;
            case "BAD_REQUEST" -> HttpStatus.BAD_REQUEST;
            default -> HttpStatus.CONFLICT;
        }).json(body);
    }

    private void silence(Context ctx, String id, String actor) {
        Duration duration;
        try {
            String d = form(ctx, "duration");
            duration = d == null ? null : Duration.parse("PT" + d.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse("a duration such as 30m, 2h or 1h30m");
        }
        try {
            Silence s = desk.actions().silence(id, duration, form(ctx, "reason"), actor);
            ctx.status(HttpStatus.CREATED).json(s);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        } catch (java.util.NoSuchElementException e) {
            throw new NotFoundResponse(e.getMessage());
        }
    }

    private IncidentEvent incident(Context ctx) {
        return desk.incidents().incident(ctx.pathParam("id"))
                .orElseThrow(() -> new NotFoundResponse("no incident " + ctx.pathParam("id")));
    }

    private static String form(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}

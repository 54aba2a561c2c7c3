package io.vigie.dashboards.web.desk;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.vigie.dashboards.incidents.IncidentActions;
import io.vigie.dashboards.web.PageServices;
import io.vigie.dashboards.web.WebContext;
import io.vigie.model.IncidentEvent;
import io.vigie.model.IncidentStatus;
import io.vigie.model.Silence;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Incidents on the desk: {@code GET /incidents} (list, live through the {@code incident} events of
 * {@code /live}), {@code GET /incidents/{id}} (timeline), their JSON, and {@code POST /api/incidents/{id}/{action}}
 * (responders: acknowledge, resolve, reopen, note, silence), answered with the owner's outcome: 200 applied,
 * 409 with who won, 404, 400, 202 queued.
 */
public final class IncidentsPage {
    private final PageServices services;
    private final DeskServices desk;

    public IncidentsPage(PageServices services, DeskServices desk) {
        this.services = services;
        this.desk = desk;
    }

    public void page(Context ctx) {
        services.views().render(ctx, "incidents", Map.of("incidents", desk.incidents().incidents()));
    }

    public void detail(Context ctx) {
        IncidentEvent incident = incident(ctx);
        services.views().render(ctx, "incident", Map.of("incident", incident,
                "silences", desk.incidents().activeSilences(services.clock().instant())));
    }

    public void json(Context ctx) {
        String status = ctx.queryParam("status");
        ctx.json(status == null ? desk.incidents().incidents()
                : desk.incidents().incidents(IncidentStatus.valueOf(status.toUpperCase(Locale.ROOT))));
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

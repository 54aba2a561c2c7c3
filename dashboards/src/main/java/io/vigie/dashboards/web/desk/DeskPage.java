package io.vigie.dashboards.web.desk;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.vigie.dashboards.desk.AuthorHistory;
import io.vigie.dashboards.desk.DeskQueue;
import io.vigie.dashboards.desk.TeamFigures;
import io.vigie.dashboards.web.PageServices;
import io.vigie.dashboards.web.WebContext;
import io.vigie.model.MentionResponse;
import io.vigie.model.ReplyTemplate;
import io.vigie.model.ResponseChange;
import io.vigie.model.ResponseChannel;
import io.vigie.model.Schema;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The response desk: {@code GET /desk} (page), {@code GET /api/desk} (queue and team figures),
 * {@code POST /api/desk/{id}/{action}} (responders: assign, answer, no-answer, note, reopen — the actor is the
 * signed-in user, never a form field), {@code GET /api/desk/authors} (an author's history), reply templates
 * ({@code GET /api/desk/templates}; admins save and delete).
 */
public final class DeskPage {
    private final PageServices services;
    private final DeskServices desk;
    private final DeskQueue queue;
    private final AuthorHistory authors;

    public DeskPage(PageServices services, DeskServices desk) {
        this.services = services;
        this.desk = desk;
        this.queue = new DeskQueue(services.elasticsearch(), services.alias());
        this.authors = new AuthorHistory(services.elasticsearch(), services.alias());
    }

    public void page(Context ctx) {
        // The filters are optional: absent ones are null, which Map.of refuses (every /desk without a filter was a 500).
        Map<String, Object> model = new HashMap<>();
        model.put("brand", param(ctx, "brand"));
        model.put("language", param(ctx, "language"));
        model.put("source", param(ctx, "source"));
        services.views().render(ctx, "desk", model);
    }

    public void json(Context ctx) throws IOException {
        Instant now = services.clock().instant();
        DeskQueue.Filter filter = new DeskQueue.Filter(param(ctx, "brand"), param(ctx, "language"),
                param(ctx, "source"), null, "true".equals(ctx.queryParam("all")));
        List<DeskQueue.Item> items = queue.queue(filter, desk.responses()::response, desk.incidents()::unresolved,
                now, 200);
        long untouched = items.stream().filter(i -> i.response() == null).count();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("figures", TeamFigures.of(desk.responses().responses(), untouched, now,
                WebContext.preferences(ctx).zone()));
        ctx.json(body);
    }

    public void act(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        String actor = WebContext.principal(ctx).name();
        ResponseChange change = switch (ctx.pathParam("action")) {
            case "assign" -> change(ResponseChange.ASSIGN, actor, form(ctx, "assignee"), null, null, null,
                    form(ctx, "note"));
            case "answer" -> change(ResponseChange.ANSWER, actor, null, channel(form(ctx, "channel")),
                    form(ctx, "replyUrl"), null, form(ctx, "note"));
            case "no-answer" -> change(ResponseChange.NO_ANSWER_NEEDED, actor, null, null, null, form(ctx, "reason"),
                    form(ctx, "note"));
            case "note" -> change(ResponseChange.NOTE, actor, null, null, null, null, form(ctx, "note"));
            case "reopen" -> change(ResponseChange.REOPEN, actor, null, null, null, null, form(ctx, "note"));
            default -> throw new NotFoundResponse("no desk action " + ctx.pathParam("action"));
        };
        JsonNode doc = mention(id);
        String brand = doc.path("brands").path(0).asText(null);
        Instant mentionAt = doc.hasNonNull("eventTime") ? Instant.parse(doc.get("eventTime").asText()) : null;
        try {
            MentionResponse after = desk.responses().change(id, brand, mentionAt, change);
            ctx.json(after);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }

    public void author(Context ctx) throws IOException {
        String author = param(ctx, "author");
        if (author == null) {
            throw new BadRequestResponse("author is required");
        }
        ctx.json(authors.of(author, param(ctx, "source")));
    }

    public void templates(Context ctx) {
        String brand = param(ctx, "brand");
        ctx.json(brand == null ? desk.templates().all()
                : desk.templates().forMention(brand, String.valueOf(param(ctx, "language"))));
    }

    public void saveTemplate(Context ctx) {
        try {
            ReplyTemplate t = new ReplyTemplate(Schema.VERSION, form(ctx, "templateId"), form(ctx, "brand"),
                    form(ctx, "language"), form(ctx, "title"), form(ctx, "text"), WebContext.principal(ctx).name(),
                    services.clock().instant());
            ctx.status(HttpStatus.CREATED).json(desk.templates().save(t));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }

    public void deleteTemplate(Context ctx) {
        String key = ReplyTemplate.key(ctx.pathParam("brand"), ctx.pathParam("language"), ctx.pathParam("template"));
        if (!desk.templates().delete(key)) {
            throw new NotFoundResponse("no template " + key);
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private JsonNode mention(String id) throws IOException {
        SearchResponse<JsonNode> found = services.elasticsearch().search(s -> s.index(services.alias())
                .ignoreUnavailable(true).allowNoIndices(true).size(1)
                .query(q -> q.ids(i -> i.values(id))), JsonNode.class);
        if (found.hits().hits().isEmpty() || found.hits().hits().get(0).source() == null) {
            throw new NotFoundResponse("no mention " + id);
        }
        return found.hits().hits().get(0).source();
    }

    private ResponseChange change(String action, String actor, String assignee, ResponseChannel channel,
            String replyUrl, String reason, String note) {
        return new ResponseChange("ch-" + UUID.randomUUID(), action, actor, services.clock().instant(), assignee, channel,
                replyUrl, reason, note);
    }

    private static ResponseChannel channel(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ResponseChannel.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("unknown channel " + value + ": SAME_THREAD, EMAIL, PHONE or PRIVATE_MESSAGE");
        }
    }

    private static String form(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}

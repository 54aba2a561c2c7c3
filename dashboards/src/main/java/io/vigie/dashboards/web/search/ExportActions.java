package io.vigie.dashboards.web.search;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.vigie.dashboards.search.ExportFormat;
import io.vigie.dashboards.search.ExportJobs;
import io.vigie.dashboards.web.WebContext;
import io.vigie.query.QueryParseException;
import io.vigie.query.SearchQuery;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Exports of a whole result set, for viewers too (each one is logged by {@code MentionExport}):
 * {@code POST /api/search/exports} ({@code q}, {@code format}) starts one in the background and answers 202 with
 * its state; {@code GET /api/search/exports/{id}} is what the page polls (rows so far of total);
 * {@code POST /api/search/exports/{id}/cancel} stops it; {@code GET /search/exports/{id}/download} sends the file
 * once done. A user sees only their own exports. The job lives on the instance that runs it.
 */
public final class ExportActions {
    /** What the page offers, by the name the form sends. */
    static final Map<String, Choice> FORMATS = new LinkedHashMap<>();

    static {
        FORMATS.put("csv", new Choice(ExportFormat.CSV, ExportFormat.CsvOptions.RFC_4180));
        FORMATS.put("csv-fr", new Choice(ExportFormat.CSV, ExportFormat.CsvOptions.FRENCH_EXCEL));
        FORMATS.put("xlsx", new Choice(ExportFormat.XLSX, ExportFormat.CsvOptions.RFC_4180));
        FORMATS.put("ndjson", new Choice(ExportFormat.NDJSON, ExportFormat.CsvOptions.RFC_4180));
    }

    record Choice(ExportFormat format, ExportFormat.CsvOptions csv) {}

    private final SearchServices search;

    public ExportActions(SearchServices search) {
        this.search = search;
    }

    public void start(Context ctx) {
        String q = ctx.formParam("q") == null ? "" : ctx.formParam("q").strip();
        String name = ctx.formParam("format") == null ? "csv" : ctx.formParam("format").strip().toLowerCase(Locale.ROOT);
        Choice choice = FORMATS.get(name);
        if (choice == null) {
            throw new BadRequestResponse("format must be one of " + String.join(", ", FORMATS.keySet()) + ", not '" + name + "'");
        }
        SearchQuery query;
        try {
            query = SearchQuery.parse(q);
        } catch (QueryParseException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("status", 400, "query", q,
                    "error", e.problem(WebContext.preferences(ctx).locale()), "position", e.position(), "key", e.key()));
            return;
        }
        ExportJobs.Job job = search.exports().start(WebContext.principal(ctx).name(), query, choice.format(), choice.csv());
        ctx.status(HttpStatus.ACCEPTED).json(state(job));
    }

    public void status(Context ctx) {
        ctx.json(state(job(ctx)));
    }

    public void cancel(Context ctx) {
        ExportJobs.Job job = job(ctx);
        search.exports().cancel(job.id(), job.owner());
        ctx.json(state(job));
    }

    public void download(Context ctx) throws Exception {
        ExportJobs.Job job = job(ctx);
        if (job.state() != ExportJobs.State.DONE) {
            throw new ConflictResponse("the export is " + job.state().name().toLowerCase(Locale.ROOT) + ", not done");
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + job.fileName() + "\"");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(job.format().contentType());
        ctx.header("Content-Length", String.valueOf(Files.size(job.file())));
        ctx.result(Files.newInputStream(job.file()));
    }

    private ExportJobs.Job job(Context ctx) {
        String id = ctx.pathParam("id");
        return search.exports().get(id, WebContext.principal(ctx).name())
                .orElseThrow(() -> new NotFoundResponse("no export " + id + " of yours on this instance"));
    }

    static Map<String, Object> state(ExportJobs.Job job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", job.id());
        m.put("state", job.state().name());
        m.put("rows", job.rows());
        m.put("total", job.total());
        m.put("format", job.format().name());
        m.put("query", job.query());
        m.put("fileName", job.fileName());
        if (job.error() != null) {
            m.put("error", job.error());
        }
        if (job.state() == ExportJobs.State.DONE) {
            m.put("download", "/search/exports/" + job.id() + "/download");
        }
        return m;
    }
}

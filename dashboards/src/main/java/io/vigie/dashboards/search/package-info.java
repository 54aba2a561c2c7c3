/**
 * The analysts' search: the query language of module {@code query} translated to the Elasticsearch query DSL
 * ({@link io.vigie.dashboards.search.SearchTranslator}), results with highlights, facets and the result set's
 * histogram, deep paging on a point-in-time ({@link io.vigie.dashboards.search.AnalystSearch}), saved searches
 * in an index ({@link io.vigie.dashboards.search.SavedSearches}) and streamed CSV/XLSX/NDJSON export
 * ({@link io.vigie.dashboards.search.MentionExport}). No web code: the search page calls these.
 */
package io.vigie.dashboards.search;

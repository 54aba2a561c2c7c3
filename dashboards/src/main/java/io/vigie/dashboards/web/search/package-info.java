/**
 * The analysts' search page over {@code io.vigie.dashboards.search}: the query box, sorts, highlighted hits, facets,
 * the result set's histogram and deep paging ({@link io.vigie.dashboards.web.search.AnalystSearchPage}), saved
 * searches ({@link io.vigie.dashboards.web.search.SavedSearchActions}) and exports in the background
 * ({@link io.vigie.dashboards.web.search.ExportActions}). Routes are declared in {@code web.Routes}.
 */
package io.vigie.dashboards.web.search;

package io.vigie.dashboards.search;

import java.time.Instant;

/**
 * A search an analyst named and kept: opened by anyone of the team who has its link ({@code id}), deleted only by its
 * owner.
 */
public record SavedSearch(String id, String owner, String name, String query, SearchSort sort, Instant savedAt) {}

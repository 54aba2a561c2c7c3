package io.vigie.dashboards.web;

import java.util.List;

/** A page of search results and how many matched in all. */
public record SearchResult(long total, List<MentionHit> hits) {}

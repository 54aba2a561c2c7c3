/** The overview: one tile per watched brand, the brands needing attention first. */
package io.vigie.dashboards.web.overview;

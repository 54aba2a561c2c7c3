/**
 * The mention page: the sanitised text with the brand's sentences highlighted, its copies, engagement, its thread,
 * and the responders' flags on it.
 */
package io.vigie.dashboards.web.mention;

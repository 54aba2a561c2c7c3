/**
 * The on-call and response desk pages: the queue of mentions to answer with who handles what (live), the team's
 * figures, reply templates, and incidents with their actions. Built on {@link io.vigie.dashboards.desk} and
 * {@link io.vigie.dashboards.incidents}; routes and roles in {@code Routes}.
 */
package io.vigie.dashboards.web.desk;

/**
 * The response desk: which mentions need an answer, who handles them, how and when they were answered. The state
 * lives on the compacted {@code mention.responses} topic ({@link io.vigie.model.MentionResponse}); every instance
 * follows it ({@link io.vigie.dashboards.desk.ResponseBook}), the web app writes changes through
 * {@link io.vigie.dashboards.desk.ResponseDesk}, {@link io.vigie.dashboards.desk.ResponseReducer} is the one rule
 * that turns a history of changes into a state. Also the team's figures, reply templates and where to answer.
 */
package io.vigie.dashboards.desk;

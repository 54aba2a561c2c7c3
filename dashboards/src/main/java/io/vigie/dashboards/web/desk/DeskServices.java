package io.vigie.dashboards.web.desk;

import io.vigie.dashboards.desk.ReplyTemplates;
import io.vigie.dashboards.desk.ResponseDesk;
import io.vigie.dashboards.incidents.IncidentActions;
import io.vigie.dashboards.incidents.IncidentBoard;

/** What the desk pages are built with, besides the common {@code PageServices}. */
public record DeskServices(ResponseDesk responses, ReplyTemplates templates, IncidentBoard incidents,
        IncidentActions actions) {}

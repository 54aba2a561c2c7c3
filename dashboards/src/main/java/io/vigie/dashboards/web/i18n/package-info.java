/** Languages and time zones: the fr/en resource bundles, the choice per request, and formatting in templates. */
package io.vigie.dashboards.web.i18n;

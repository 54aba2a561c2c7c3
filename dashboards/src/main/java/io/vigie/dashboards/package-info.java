/** The dashboards stage. See the module README. */
package io.vigie.dashboards;

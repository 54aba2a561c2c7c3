/**
 * Who is asking: roles, accounts (bcrypt), signed stateless session cookies, CSRF tokens, sign-in throttling, API
 * tokens, and the optional OpenID Connect provider ({@code OidcProvider}, {@code RoleMapping}). Nothing here keeps
 * per-session state in memory, so any instance behind a load balancer can serve any page (or finish any sign-in).
 */
package io.vigie.dashboards.web.auth;

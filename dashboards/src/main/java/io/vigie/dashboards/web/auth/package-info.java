/**
 * Who is asking: roles, accounts (bcrypt), signed stateless session cookies, CSRF tokens, sign-in throttling and API
 * tokens. Nothing here keeps per-session state in memory, so any instance behind a load balancer can serve any page.
 */
package io.vigie.dashboards.web.auth;

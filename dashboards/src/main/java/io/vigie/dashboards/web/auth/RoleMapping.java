package io.vigie.dashboards.web.auth;

import io.vigie.dashboards.WebSettings;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which role an OpenID Connect user gets, from one claim of their ID token ({@code dashboards.oidc.roleClaim}):
 * the highest role any of its values is listed under, else the default role, else none (refused).
 *
 * @param claim the claim's name; dots reach into nested objects ({@code realm_access.roles})
 * @param valuesByRole the claim values that give each role
 * @param fallback the role of a user with no matching value; empty to refuse them
 */
public record RoleMapping(String claim, Map<Role, Set<String>> valuesByRole, Optional<Role> fallback) {
    public RoleMapping {
        valuesByRole = Map.copyOf(valuesByRole);
    }

    public static RoleMapping of(WebSettings.Oidc oidc) {
        Map<Role, Set<String>> byRole = new EnumMap<>(Role.class);
        oidc.roles().forEach((role, values) -> byRole.put(Role.named(role), Set.copyOf(values)));
        Optional<Role> fallback = oidc.defaultRole().equals(WebSettings.Oidc.REFUSE)
                ? Optional.empty() : Optional.of(Role.named(oidc.defaultRole()));
        return new RoleMapping(oidc.roleClaim(), byRole, fallback);
    }

    /** The role these ID token claims give, or empty when the user is to be refused. */
    public Optional<Role> roleFor(Map<String, Object> claims) {
        List<String> values = valuesOf(claims);
        for (Role role : List.of(Role.ADMIN, Role.RESPONDER, Role.VIEWER)) {
            Set<String> granting = valuesByRole.getOrDefault(role, Set.of());
            if (values.stream().anyMatch(granting::contains)) {
                return Optional.of(role);
            }
        }
        return fallback;
    }

    /**
     * The claim's values: a string is one value, a list its string items; absent or of another kind, none. A claim
     * whose whole name is a key is taken as it is (namespaced claims such as {@code https://example.com/roles} have
     * dots); otherwise the dots walk into nested objects.
     */
    List<String> valuesOf(Map<String, Object> claims) {
        Object node = claims;
        if (claims.containsKey(claim)) {
            node = claims.get(claim);
        } else {
            for (String step : claim.split("\\.")) {
                if (!(node instanceof Map<?, ?> map)) {
                    return List.of();
                }
                node = map.get(step);
            }
        }
        if (node instanceof String s) {
            return List.of(s);
        }
        if (node instanceof Collection<?> items) {
            return items.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}

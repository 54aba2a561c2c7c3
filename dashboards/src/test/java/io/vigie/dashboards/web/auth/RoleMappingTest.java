package io.vigie.dashboards.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigie.dashboards.WebSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoleMappingTest {
    private static RoleMapping mapping(String claim, String defaultRole) {
        return RoleMapping.of(new WebSettings.Oidc("Corp", "https://id.example.com", "vigie", "s3cret",
                "https://vigie.example.com", null, claim, Map.of("viewer", List.of("staff"),
                "responder", List.of("support"), "admin", List.of("vigie-admins")), defaultRole));
    }

    @Test
    void aUserInTheAdminGroupIsAnAdmin() {
        assertEquals(Optional.of(Role.ADMIN), mapping("groups", null).roleFor(Map.of("groups", List.of("vigie-admins"))));
    }

    @Test
    void theHighestRoleOfSeveralMatchingValuesWins() {
        assertEquals(Optional.of(Role.RESPONDER),
                mapping("groups", null).roleFor(Map.of("groups", List.of("staff", "support", "cyclists"))));
    }

    @Test
    void aUserWithNoMatchingValueIsRefusedUnlessThereIsADefaultRole() {
        Map<String, Object> claims = Map.of("groups", List.of("marketing"));
        assertEquals(Optional.empty(), mapping("groups", "refuse").roleFor(claims));
        assertEquals(Optional.of(Role.VIEWER), mapping("groups", "viewer").roleFor(claims));
        assertEquals(Optional.empty(), mapping("groups", null).roleFor(Map.of()), "no claim at all: refused by default");
    }

    @Test
    void aSingleStringClaimCountsAsOneValueAndOtherKindsAsNone() {
        assertEquals(Optional.of(Role.ADMIN), mapping("role", null).roleFor(Map.of("role", "vigie-admins")));
        assertEquals(Optional.empty(), mapping("role", null).roleFor(Map.of("role", 42)));
        assertEquals(Optional.of(Role.VIEWER), mapping("groups", null).roleFor(Map.of("groups", List.of(7, "staff"))));
    }

    @Test
    void dotsReachIntoNestedClaimsButAWholeNamespacedNameIsTakenAsItIs() {
        assertEquals(Optional.of(Role.RESPONDER), mapping("realm_access.roles", null)
                .roleFor(Map.of("realm_access", Map.of("roles", List.of("support")))));
        assertEquals(Optional.of(Role.ADMIN), mapping("https://example.com/roles", null)
                .roleFor(Map.of("https://example.com/roles", List.of("vigie-admins"))));
    }

    @Test
    void claimValuesAreComparedExactly() {
        assertEquals(Optional.empty(), mapping("groups", null).roleFor(Map.of("groups", List.of("Vigie-Admins", "admins"))));
    }
}

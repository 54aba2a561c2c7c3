package io.vigie.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.runtime.config.ConfigDocument;
import io.vigie.runtime.config.ConfigException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code dashboards.oidc}: bound from YAML, the secret from the environment, mistakes refused with key and line. */
class OidcConfigTest {
    private static final String VALID = """
            dashboards:
              oidc:
                providerName: Corp SSO
                issuer: https://id.example.com/realms/corp
                clientId: vigie
                clientSecret: ${VIGIE_OIDC_CLIENT_SECRET}
                redirectBaseUrl: https://vigie.example.com/
                roleClaim: groups
                roles:
                  admin: [vigie-admins]
                  responder: [support, community]
            """;

    private static DashboardsConfig bind(String yaml) {
        return ConfigDocument.parse(yaml, "vigie.yml", Map.of("VIGIE_OIDC_CLIENT_SECRET", "from-env")::get)
                .bind("dashboards", DashboardsConfig.class, DashboardsConfig.DEFAULTS);
    }

    @Test
    void aCompleteSectionBindsWithTheSecretFromTheEnvironmentAndTheDefaultsFilledIn() {
        WebSettings.Oidc oidc = bind(VALID).oidc();
        assertEquals("Corp SSO", oidc.providerName());
        assertEquals("https://id.example.com/realms/corp", oidc.issuer());
        assertEquals("from-env", oidc.clientSecret());
        assertEquals("https://vigie.example.com", oidc.redirectBaseUrl(), "the trailing slash is dropped");
        assertEquals(List.of("openid", "profile", "email"), oidc.scopes());
        assertEquals(List.of("support", "community"), oidc.roles().get("responder"));
        assertEquals("refuse", oidc.defaultRole());
    }

    @Test
    void withoutTheSectionThereIsNoOidcSignIn() {
        assertNull(bind("dashboards:\n  timeZone: Europe/Paris\n").oidc());
    }

    @Test
    void aMissingClientIdIsRefusedWithItsKeyAndLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> bind(VALID.replace("    clientId: vigie\n", "")));
        assertTrue(e.getMessage().contains("clientId is required"), e.getMessage());
        assertTrue(e.getMessage().contains("oidc"), e.getMessage());
        assertTrue(e.line() >= 2 && e.line() <= 11, "line " + e.line());
    }

    @Test
    void aSecretWhoseEnvironmentVariableIsUnsetIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigDocument.parse(VALID, "vigie.yml", n -> null)
                .bind("dashboards", DashboardsConfig.class, DashboardsConfig.DEFAULTS));
        assertTrue(e.getMessage().contains("VIGIE_OIDC_CLIENT_SECRET"), e.getMessage());
    }

    @Test
    void anIssuerThatIsNotAnAbsoluteUrlIsRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> bind(VALID.replace("https://id.example.com/realms/corp", "id.example.com")));
        assertTrue(e.getMessage().contains("issuer must be an absolute http(s) URL"), e.getMessage());
    }

    @Test
    void scopesWithoutOpenidAreRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> bind(VALID.replace("    roleClaim: groups\n", "    roleClaim: groups\n    scopes: [profile]\n")));
        assertTrue(e.getMessage().contains("scopes must include openid"), e.getMessage());
    }

    @Test
    void anUnknownRoleOrDefaultRoleIsRefused() {
        ConfigException role = assertThrows(ConfigException.class,
                () -> bind(VALID.replace("      admin: [vigie-admins]", "      superuser: [vigie-admins]")));
        assertTrue(role.getMessage().contains("unknown role 'superuser'"), role.getMessage());
        ConfigException fallback = assertThrows(ConfigException.class,
                () -> bind(VALID.replace("    roleClaim: groups\n", "    roleClaim: groups\n    defaultRole: guest\n")));
        assertTrue(fallback.getMessage().contains("unknown role 'guest'"), fallback.getMessage());
    }

    @Test
    void noRoleMappingAndRefusingTheRestIsRefusedSinceNobodyCouldSignIn() {
        String none = VALID.substring(0, VALID.indexOf("    roles:"));
        ConfigException e = assertThrows(ConfigException.class, () -> bind(none));
        assertTrue(e.getMessage().contains("nobody could sign in"), e.getMessage());
        assertEquals("viewer", bind(none + "    defaultRole: Viewer\n").oidc().defaultRole());
    }

    @Test
    void theClientSecretIsNeverPrinted() {
        String printed = bind(VALID).toString();
        assertTrue(printed.contains("clientId=vigie"), printed);
        assertFalse(printed.contains("from-env"), printed);
    }
}

package io.vigie.dashboards.web.auth;

import io.vigie.dashboards.WebSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The accounts that may sign in: those of {@code dashboards.users}, or the generated local admin. */
public final class Accounts {
    public static final String LOCAL_ADMIN = "admin";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private record Account(String hash, Role role) {}

    private final Map<String, Account> byName = new HashMap<>();
    private final Passwords passwords;

    private Accounts(Passwords passwords) {
        this.passwords = passwords;
    }

    public static Accounts of(List<WebSettings.User> users, Passwords passwords) {
        Accounts accounts = new Accounts(passwords);
        for (WebSettings.User u : users) {
            accounts.byName.put(u.name(), new Account(u.passwordHash(), Role.named(u.role())));
        }
        return accounts;
    }

    /**
     * The configured users or, when there are none, the local admin: its bcrypt hash is read from
     * {@code <stateDir>/dashboards/admin.bcrypt}, or made at first start from a generated password printed once
     * on {@code out} (a newcomer gets in without editing a file; the password itself is never stored).
     */
    public static Accounts configuredOrLocalAdmin(List<WebSettings.User> users, Path stateDirectory, Passwords passwords,
            PrintStream out) {
        if (!users.isEmpty()) {
            return of(users, passwords);
        }
        Path file = stateDirectory.resolve("dashboards").resolve("admin.bcrypt");
        try {
            String hash;
            if (Files.exists(file)) {
                hash = Files.readString(file, StandardCharsets.US_ASCII).trim();
            } else {
                String password = generatedPassword();
                hash = passwords.hash(password);
                Files.createDirectories(file.getParent());
                Files.writeString(file, hash + "\n", StandardCharsets.US_ASCII);
                out.println("vigie dashboards: no user configured; sign in as '" + LOCAL_ADMIN + "' with password "
                        + password + " (shown once; its hash is in " + file + ", delete that file for a new one)");
                out.flush();
            }
            return of(List.of(new WebSettings.User(LOCAL_ADMIN, hash, "admin")), passwords);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the local admin account in " + file, e);
        }
    }

    static String generatedPassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** The role of the user whose password this is; always runs one bcrypt check so timing tells nothing. */
    public Optional<Role> check(String name, String password) {
        Account account = name == null ? null : byName.get(name);
        boolean ok = passwords.matches(password == null ? "" : password, account == null ? null : account.hash());
        return ok && account != null ? Optional.of(account.role()) : Optional.empty();
    }
}

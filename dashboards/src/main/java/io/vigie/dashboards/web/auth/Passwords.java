package io.vigie.dashboards.web.auth;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** bcrypt hashing through Spring Security Crypto, the well-kept implementation with no dependency of its own. */
public final class Passwords {
    /** Cost 12: about 0.2 s per check on a small server, slow for a guesser, fine for a sign-in. */
    public static final int COST = 12;
    private final BCryptPasswordEncoder encoder;
    /** A hash nobody's password matches, checked when the user is unknown so timing does not tell names apart. */
    private final String decoy;

    public Passwords(int cost) {
        this.encoder = new BCryptPasswordEncoder(cost);
        this.decoy = encoder.encode("decoy-" + System.nanoTime());
    }

    public Passwords() {
        this(COST);
    }

    public String hash(CharSequence password) {
        return encoder.encode(password);
    }

    public boolean matches(CharSequence password, String hash) {
        if (hash == null) {
            encoder.matches(password, decoy);
            return false;
        }
        return encoder.matches(password, hash);
    }
}

package io.vigie.ingest.ssrf;

import java.net.URI;

/** A URL the guard refused, with the reason (which address, which rule). */
public final class RefusedAddressException extends Exception {
    public RefusedAddressException(URI url, String reason) {
        super("refused " + url + ": " + reason);
    }
}

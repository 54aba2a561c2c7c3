package io.vigie.ingest.ssrf;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a URL may be fetched: its scheme is http(s) and every address its host resolves to is public,
 * or inside a range the operator allowed. Checked before each request and each redirect hop.
 */
public final class AddressGuard {
    private static final List<AddressRange> INTERNAL = List.of(
            AddressRange.parse("0.0.0.0/8"), AddressRange.parse("10.0.0.0/8"), AddressRange.parse("100.64.0.0/10"),
            AddressRange.parse("127.0.0.0/8"), AddressRange.parse("169.254.0.0/16"),
            AddressRange.parse("172.16.0.0/12"), AddressRange.parse("192.0.0.0/24"),
            AddressRange.parse("192.168.0.0/16"), AddressRange.parse("198.18.0.0/15"),
            AddressRange.parse("224.0.0.0/4"), AddressRange.parse("240.0.0.0/4"),
            AddressRange.parse("::1/128"), AddressRange.parse("::/128"), AddressRange.parse("fc00::/7"),
            AddressRange.parse("fe80::/10"), AddressRange.parse("ff00::/8"));

    /** Name resolution, replaceable in tests (e.g. a resolver that answers differently the second time). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<AddressRange> allowed;
    private final Resolver resolver;

    public AddressGuard(List<AddressRange> allowed) {
        this(allowed, InetAddress::getAllByName);
    }

    public AddressGuard(List<AddressRange> allowed, Resolver resolver) {
        this.allowed = List.copyOf(allowed);
        this.resolver = resolver;
    }

    /** Throws {@link RefusedAddressException} when the URL must not be fetched. */
    public void check(URI url) throws RefusedAddressException {
        checkedAddress(url);
    }

    /**
     * Checks the URL and returns the address the connection must use: the first one the check resolved. The
     * fetcher connects to that address rather than resolving the name again, so a DNS answer that changes between
     * the check and the connection (rebinding) cannot lead it elsewhere.
     */
    public InetAddress checkedAddress(URI url) throws RefusedAddressException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedAddressException(url, "scheme " + scheme + " is not http or https");
        }
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            throw new RefusedAddressException(url, "no host");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new RefusedAddressException(url, "host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            String why = internal(address);
            if (why != null && allowed.stream().noneMatch(r -> r.contains(address))) {
                throw new RefusedAddressException(url, host + " resolves to " + address.getHostAddress() + " (" + why
                        + "), which is not in ingest.allowedPrivateRanges");
            }
        }
        if (addresses.length == 0) {
            throw new RefusedAddressException(url, "host " + host + " does not resolve");
        }
        return addresses[0];
    }

    /** Why an address is internal, or null when it is public. */
    static String internal(InetAddress address) {
        InetAddress a = address;
        if (a instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
                try {
                    a = InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException e) {
                    return "unreadable IPv4-mapped address";
                }
            }
        }
        if (a.getHostAddress().equals("169.254.169.254") || a.getHostAddress().equals("fd00:ec2:0:0:0:0:0:254")) {
            return "cloud metadata";
        }
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local";
        }
        if (a.isSiteLocalAddress()) {
            return "private";
        }
        if (a.isAnyLocalAddress()) {
            return "unspecified";
        }
        for (AddressRange r : INTERNAL) {
            if (r.contains(a)) {
                return "reserved range " + r;
            }
        }
        return null;
    }
}

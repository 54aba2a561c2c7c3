package io.vigie.ingest.ssrf;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A CIDR range such as {@code 127.0.0.0/8} or {@code fd00::/8}. */
public record AddressRange(byte[] network, int prefixLength, String text) {

    public static AddressRange parse(String cidr) {
        String[] parts = cidr.strip().split("/", 2);
        try {
            if (!parts[0].matches("[0-9.]+|[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("not an IP range (CIDR, e.g. 127.0.0.0/8): " + cidr);
            }
            byte[] address = InetAddress.getByName(parts[0]).getAddress();
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("prefix length out of range in " + cidr);
            }
            return new AddressRange(address, prefix, cidr.strip());
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not an IP range (CIDR, e.g. 127.0.0.0/8): " + cidr);
        }
    }

    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (a[full] & mask) == (network[full] & mask);
    }

    @Override
    public String toString() {
        return text;
    }
}

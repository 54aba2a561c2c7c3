package io.vigie.ingest.feeds;

/** Test access to the resolver for reading the corpus files' header comments. */
public final class CharsetResolverAccess {
    private CharsetResolverAccess() {}

    public static String decode(byte[] bytes) {
        return CharsetResolver.decode(bytes, null).text();
    }
}

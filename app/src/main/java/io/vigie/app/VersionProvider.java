package io.vigie.app;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Vigie.class.getPackage().getImplementationVersion();
        return new String[] {"vigie " + (v == null ? "development build" : v)};
    }
}

package io.jonbu.ohlcv.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "development" when run from classes. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Jonbu.class.getPackage().getImplementationVersion();
        return new String[] {"jonbu " + (v == null ? "development" : v)};
    }
}

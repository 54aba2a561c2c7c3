package io.vigie.analyze.detection.nab;

import io.vigie.runtime.testdata.TestData;
import java.nio.file.Path;

/** The NAB folder the tests read: the repository's testdata/nab (testdata/nab/TESTDATA.md), not ../shared. */
final class NabTestData {
    private NabTestData() {}

    static Path nab() {
        return TestData.set("nab");
    }
}

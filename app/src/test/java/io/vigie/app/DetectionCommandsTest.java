package io.vigie.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DetectionCommandsTest {
    @Test
    void evalNabAndBenchDetectionAreRegisteredUnderTheirGroups() {
        CommandLine vigie = Vigie.commandLine();
        assertTrue(vigie.getSubcommands().get("eval").getSubcommands().containsKey("nab"));
        assertTrue(vigie.getSubcommands().get("bench").getSubcommands().containsKey("detection"));
        StringWriter out = new StringWriter();
        vigie.setOut(new PrintWriter(out));
        assertEquals(0, vigie.execute("eval", "nab", "--help"));
        assertTrue(out.toString().contains("--fixed-threshold"), out.toString());
    }
}

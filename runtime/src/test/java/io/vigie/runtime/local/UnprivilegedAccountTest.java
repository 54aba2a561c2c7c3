package io.vigie.runtime.local;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnprivilegedAccountTest {

    @Test
    void aParentClosedToOthersIsNamedWithTheFix(@TempDir Path tmp) throws Exception {
        Path closed = Files.createDirectory(tmp.resolve("closed"));
        Path data = Files.createDirectories(closed.resolve("vigie/elasticsearch"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        LocalServerException e = assertThrows(LocalServerException.class,
                () -> new UnprivilegedAccount("vigie-es").requireTraversable(data));
        assertEquals("Elasticsearch runs as the unprivileged account vigie-es, which cannot enter " + closed
                + " (mode rwx------): pass a --data-dir outside it (e.g. /var/lib/vigie) or run chmod o+x " + closed,
                e.getMessage());
    }

    @Test
    void openParentsPass(@TempDir Path tmp) throws Exception {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = Files.createDirectories(tmp.resolve("vigie/elasticsearch"));
        assertDoesNotThrow(() -> new UnprivilegedAccount("vigie-es").requireTraversable(data));
    }
}

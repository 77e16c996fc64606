package io.sori.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessFilesTest {

    @Test
    void readsVmRssFromProcStatus() {
        List<String> status = List.of("Name:\tjava", "VmPeak:\t 3000000 kB", "VmRSS:\t  171788 kB", "RssAnon:\t 100 kB");

        assertThat(ProcMemory.parseVmRssKb(status)).isEqualTo(171788);
        assertThat(ProcMemory.parseVmRssKb(List.of("Name:\tzombie"))).isEqualTo(-1);
    }

    @Test
    void rssOfThisJvmIsReadableOnLinux() {
        long rss = ProcMemory.rssKb(ProcessHandle.current().pid());
        if (Files.isDirectory(Path.of("/proc/self"))) {
            assertThat(rss).isGreaterThan(10_000);
        } else {
            assertThat(rss).isEqualTo(-1);
        }
    }

    @Test
    void tailGivesTheLastLinesOfALog(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("x.log");
        Files.writeString(log, IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")) + "\n");

        assertThat(ManagedProcess.tail(log, 3).lines()).containsExactly("line 98", "line 99", "line 100");
        assertThat(ManagedProcess.tail(dir.resolve("missing.log"), 3)).contains("no log");
    }
}

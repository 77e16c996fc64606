package io.sori.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {

    private static final ServiceSpec TICKETS = new ServiceSpec("ticket-service", 8082, "SORI_TICKET_URL", false);

    @Test
    void recordsTheClassesOnTheFirstRunAndMapsThemOnTheNext(@TempDir Path dir) throws IOException {
        Path archive = dir.resolve(ClassDataSharing.ARCHIVE);
        assertThat(ClassDataSharing.archiveFlag(archive)).isEqualTo("-XX:ArchiveClassesAtExit=" + archive);
        Files.write(archive, new byte[] {1});
        assertThat(ClassDataSharing.archiveFlag(archive)).isEqualTo("-XX:SharedArchiveFile=" + archive);
    }

    @Test
    void aServiceKeepsWhatARecordingNeedsUntilItsArchiveExists(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve(ClassDataSharing.ARCHIVE);
        assertThat(ClassDataSharing.useOrPrepare(archive)).isEqualTo("-XX:+RecordDynamicDumpInfo");
        Files.write(archive, new byte[] {1});
        assertThat(ClassDataSharing.useOrPrepare(archive)).isEqualTo("-XX:SharedArchiveFile=" + archive);
        assertThat(ClassDataSharing.record(ProcessHandle.current().pid(), archive)).as("already recorded").isFalse();
    }

    @Test
    void keepsItsFilesBesideTheServiceJar(@TempDir Path home) {
        assertThat(ClassDataSharing.dir(TICKETS, home))
                .isEqualTo(home.resolve("ticket-service").resolve("target").resolve("cds"));
    }

    @Test
    void runsTheJarAsBuiltWhenItCannotBeExtracted(@TempDir Path home) throws IOException {
        Path jar = TICKETS.jar(home);
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "not a jar");

        assertThat(ClassDataSharing.launch(TICKETS, home)).containsExactly("-jar", jar.toString());
        assertThat(ClassDataSharing.dir(TICKETS, home).resolve("app")).doesNotExist();
    }

    @Test
    void theServiceCommandRunsWhatWasChosen(@TempDir Path home) {
        var cmd = ChildCommands.service(TICKETS, home, StackOptions.DEFAULT_JAVA_OPTS,
                java.util.List.of("-XX:SharedArchiveFile=/x/app.jsa", "-jar", "/x/app/ticket-service.jar"));
        assertThat(cmd).endsWith("-XX:SharedArchiveFile=/x/app.jsa", "-jar", "/x/app/ticket-service.jar");
        assertThat(cmd).containsSubsequence(ChildCommands.UTF8, "-XX:+UseSerialGC");
    }

    @Test
    void kafkaAndTheStoreRecordAnArchivePerLauncherBuildAndForgetTheOldOnes(@TempDir Path home) throws IOException {
        Path jar = ChildCommands.launcherJar(home);
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "build 1");
        Path cds = jar.resolveSibling("cds");
        Files.createDirectories(cds);
        Files.writeString(cds.resolve("kafka-1-1.jsa"), "an older build's classes");

        var flags = ClassDataSharing.forLauncherProcess(home, "kafka");
        assertThat(flags.get(0)).startsWith("-XX:ArchiveClassesAtExit=" + cds.resolve("kafka-"));
        assertThat(cds.resolve("kafka-1-1.jsa")).doesNotExist();

        Files.writeString(Path.of(flags.get(0).substring(flags.get(0).indexOf('=') + 1)), "recorded");
        assertThat(ClassDataSharing.forLauncherProcess(home, "kafka").get(0)).startsWith("-XX:SharedArchiveFile=");
        assertThat(ClassDataSharing.withFlags(java.util.List.of("java", "-cp", "x", "kafka.Kafka"), flags))
                .startsWith("java", flags.get(0)).endsWith("-cp", "x", "kafka.Kafka");
    }
}

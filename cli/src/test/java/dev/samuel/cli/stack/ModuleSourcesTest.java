package dev.samuel.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repository in a temporary folder, its files' times set by hand: which jar does `up` rebuild? */
class ModuleSourcesTest {

    static final Instant EDITED = Instant.parse("2026-01-01T10:00:00Z");
    static final Instant BUILT = EDITED.plusSeconds(60);
    static final Instant PULLED = BUILT.plusSeconds(60);

    @TempDir
    Path home;
    Path jar;
    ModuleSources sources;

    @BeforeEach
    void repository() throws IOException {
        write("pom.xml", "<project><modules><module>svc</module></modules></project>");
        module("contracts", "");
        module("plumbing", dependency("contracts", null));
        module("testkit", dependency("contracts", null));
        module("svc", dependency("plumbing", null) + dependency("testkit", "test")
                + "<dependency><groupId>org.other</groupId><artifactId>contracts-lib</artifactId></dependency>");
        // A managed version is no dependency.
        write("other/pom.xml", "<project><dependencyManagement><dependencies>" + dependency("svc", null)
                + "</dependencies></dependencyManagement></project>");
        jar = write("svc/target/quarkus-app/quarkus-run.jar", "jar");
        setTime(jar, BUILT);
        sources = new ModuleSources(home);
    }

    @Test
    void aModuleNeedsWhatItsPomNamesTransitivelyButNotWhatItsTestsNeed() {
        assertThat(sources.closure("svc")).containsExactly("svc", "plumbing", "contracts");
        assertThat(sources.dependencies("other")).isEmpty();
    }

    @Test
    void aJarNewerThanEverythingItIsBuiltFromIsFresh() {
        assertThat(sources.isStale("svc", jar)).isFalse();
    }

    @Test
    void aMissingJarIsStale() throws IOException {
        Files.delete(jar);

        assertThat(sources.isStale("svc", jar)).isTrue();
    }

    @Test
    void aChangedSourceOfTheModuleOrOfAModuleItDependsOnMakesItStale() throws IOException {
        setTime(home.resolve("contracts/src/main/java/Code.java"), PULLED);

        assertThat(sources.isStale("svc", jar)).isTrue();
    }

    @Test
    void aChangedPomMakesItStale() throws IOException {
        setTime(home.resolve("pom.xml"), PULLED);
        assertThat(sources.isStale("svc", jar)).isTrue();

        setTime(home.resolve("pom.xml"), EDITED);
        setTime(home.resolve("plumbing/pom.xml"), PULLED);
        assertThat(sources.isStale("svc", jar)).isTrue();
    }

    @Test
    void aDeletedSourceMakesItStale() throws IOException {
        var folder = home.resolve("plumbing/src/main/java");
        Files.delete(folder.resolve("Code.java"));
        setTime(folder, PULLED);

        assertThat(sources.isStale("svc", jar)).isTrue();
    }

    @Test
    void aChangeToWhatOnlyItsTestsUseLeavesItFresh() throws IOException {
        setTime(home.resolve("testkit/src/main/java/Code.java"), PULLED);
        setTime(home.resolve("svc/src/test/java/Code.java"), PULLED);

        assertThat(sources.isStale("svc", jar)).isFalse();
    }

    private void module(String name, String dependencies) throws IOException {
        write(name + "/pom.xml", "<project><artifactId>" + name + "</artifactId><dependencies>" + dependencies
                + "</dependencies></project>");
        write(name + "/src/main/java/Code.java", "class Code {}");
        write(name + "/src/test/java/Code.java", "class CodeTest {}");
    }

    private static String dependency(String artifact, String scope) {
        return "<dependency><groupId>dev.samuel</groupId><artifactId>" + artifact + "</artifactId>"
                + (scope == null ? "" : "<scope>" + scope + "</scope>") + "</dependency>";
    }

    private Path write(String path, String content) throws IOException {
        var file = home.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        try (var all = Files.walk(home)) {
            for (var each : (Iterable<Path>) all::iterator) {
                setTime(each, EDITED);
            }
        }
        return file;
    }

    private static void setTime(Path path, Instant time) throws IOException {
        Files.setLastModifiedTime(path, FileTime.from(time));
    }
}

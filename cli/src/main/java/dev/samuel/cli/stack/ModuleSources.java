package dev.samuel.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/**
 * What a module of the repository is built from: its own main sources and pom, those of every module of the
 * repository it depends on (read from the poms, transitively; test-scoped ones do not go into its jar), and the root
 * pom. A jar older than any of them is stale: a {@code git pull} changed what it would be built from.
 */
final class ModuleSources {

    private static final String GROUP = "dev.samuel";

    private final Path home;

    ModuleSources(Path home) {
        this.home = home;
    }

    /** The module and every module of the repository it needs at run time, itself first. */
    Set<String> closure(String module) {
        var found = new LinkedHashSet<String>();
        var todo = new ArrayDeque<String>();
        todo.add(module);
        while (!todo.isEmpty()) {
            var next = todo.poll();
            if (found.add(next)) {
                todo.addAll(dependencies(next));
            }
        }
        return found;
    }

    /** Whether {@code artifact} is missing or older than anything the module is built from. */
    boolean isStale(String module, Path artifact) {
        if (!Files.exists(artifact)) {
            return true;
        }
        var built = modified(artifact);
        return newest(module).compareTo(built) > 0;
    }

    /** The newest modification among the module's inputs; a folder counts too, so a deleted file is a change. */
    FileTime newest(String module) {
        var newest = modified(home.resolve("pom.xml"));
        for (var each : closure(module)) {
            var dir = home.resolve(each);
            newest = later(newest, modified(dir.resolve("pom.xml")));
            var sources = dir.resolve("src/main");
            if (Files.isDirectory(sources)) {
                try (Stream<Path> paths = Files.walk(sources)) {
                    for (var path : (Iterable<Path>) paths::iterator) {
                        newest = later(newest, modified(path));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + sources, e);
                }
            }
        }
        return newest;
    }

    /** The modules of this repository that the module's pom names as dependencies, test scope left out. */
    Set<String> dependencies(String module) {
        var pom = home.resolve(module).resolve("pom.xml");
        var found = new LinkedHashSet<String>();
        if (!Files.exists(pom)) {
            return found;
        }
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
            for (var dependencies : children(project, "dependencies")) {
                for (var dependency : children(dependencies, "dependency")) {
                    var artifact = text(dependency, "artifactId");
                    if (GROUP.equals(text(dependency, "groupId")) && !"test".equals(text(dependency, "scope"))
                            && Files.isDirectory(home.resolve(artifact))) {
                        found.add(artifact);
                    }
                }
            }
            return found;
        } catch (Exception e) {
            throw new StackException("cannot read " + pom + ": " + e.getMessage());
        }
    }

    private static Iterable<Element> children(Element parent, String name) {
        var list = new ArrayList<Element>();
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                list.add(element);
            }
        }
        return list;
    }

    private static String text(Element parent, String name) {
        for (var child : children(parent, name)) {
            return child.getTextContent().trim();
        }
        return null;
    }

    private static FileTime modified(Path path) {
        try {
            return Files.exists(path) ? Files.getLastModifiedTime(path) : FileTime.fromMillis(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the time of " + path, e);
        }
    }

    private static FileTime later(FileTime a, FileTime b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

package dev.ecsplatform.config;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes environment files into a test's temporary directory and loads them with the real loader.
 *
 * <p>Problems come back as the lines the app prints, with the temporary directory cut off the front,
 * so a test reads {@code dev.yaml:7:13 services.web.memory: ...}: file, line and column as they
 * appear in the text block the test wrote.
 */
final class ConfigTestFiles {

    /** An ACM certificate in the account and region the tests' files use, for the HTTPS prod requires. */
    /** A base file with only the account, region and owner: each test writes everything else in its environment file. */
    static final String ACCOUNT_ONLY_BASE = """
            account: "123456789012"
            region: eu-west-1
            owner: platform-team
            """;

    static final String CERTIFICATE = dev.ecsplatform.testkit.TestEnvironments.CERTIFICATE;


    private final Path directory;

    ConfigTestFiles(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    /** Writes {@code base.yaml}. */
    ConfigTestFiles base(String yaml) {
        return file(EnvironmentLoader.BASE_FILE, yaml);
    }

    /** Deletes {@code base.yaml}, for tests that need every key in the environment file. */
    ConfigTestFiles withoutBase() {
        try {
            Files.deleteIfExists(directory.resolve(EnvironmentLoader.BASE_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes {@code <name>.yaml}. */
    ConfigTestFiles environment(String name, String yaml) {
        return file(name + ".yaml", yaml);
    }

    /** Writes any file of the directory, byte for byte. */
    ConfigTestFiles file(String fileName, String content) {
        try {
            Files.writeString(directory.resolve(fileName), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes any file of the directory from raw bytes, for text that is not UTF-8. */
    ConfigTestFiles bytes(String fileName, byte[] content) {
        try {
            Files.write(directory.resolve(fileName), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    List<EnvironmentConfig> loadAll() {
        return EnvironmentLoader.loadAll(directory);
    }

    EnvironmentConfig load(String name) {
        return EnvironmentLoader.load(directory, name);
    }

    /** Loads every environment, expecting a rejection. */
    ConfigException rejection() {
        try {
            List<EnvironmentConfig> loaded = loadAll();
            return fail("expected the environment files to be rejected, but they loaded: %s", loaded);
        } catch (ConfigException e) {
            return e;
        }
    }

    /** The problem lines of {@link #rejection()}, relative to the directory, in the order they are printed. */
    List<String> problems() {
        return lines(rejection());
    }

    /** The problem lines of {@code e} as printed, relative to the directory. */
    List<String> lines(ConfigException e) {
        return e.problems().stream().map(ConfigProblem::toString).map(this::relative).toList();
    }

    /** {@code text} with the directory cut off the front of every file name. */
    String relative(String text) {
        return text.replace(directory + File.separator, "");
    }
}

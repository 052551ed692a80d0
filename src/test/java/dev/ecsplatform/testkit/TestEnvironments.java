package dev.ecsplatform.testkit;

import dev.ecsplatform.config.EnvironmentConfig;
import dev.ecsplatform.config.EnvironmentLoader;
import dev.ecsplatform.stage.EnvironmentStage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Environments made from YAML text, for tests of changes: the same environment before and after an
 * edit a team would make (a service removed, a container port changed). Shapes are covered by the
 * fixture environments ({@link Fixtures}). Each variant costs a new app, so they are cached by their
 * text and kept few; they use the fixtures' account and its seeded availability zones.
 */
public final class TestEnvironments {

    /** An ACM certificate of the fixtures' account in eu-west-1, for the HTTPS prod requires. */
    public static final String CERTIFICATE = "arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";


    private static final Map<String, EnvironmentStage> CACHE = new ConcurrentHashMap<>();

    private TestEnvironments() {
    }

    /** Loads an environment named {@code name} from {@code base} and {@code environment} YAML text. */
    public static EnvironmentConfig load(String name, String base, String environment) {
        try {
            Path directory = Files.createTempDirectory("environments");
            Files.writeString(directory.resolve(EnvironmentLoader.BASE_FILE), base);
            Files.writeString(directory.resolve(name + ".yaml"), environment);
            return EnvironmentLoader.load(directory, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stage of an environment made from YAML text, built once per distinct text. */
    public static EnvironmentStage stage(String name, String base, String environment) {
        return CACHE.computeIfAbsent(name + "\n---\n" + base + "\n---\n" + environment,
                key -> {
                    software.amazon.awscdk.App app = BuiltApp.newApp();
                    Fixtures.CONTEXT.forEach((contextKey, value) -> app.getNode().setContext(contextKey, value));
                    return new EnvironmentStage(app, load(name, base, environment));
                });
    }

    /**
     * A complete environment in one file: the required keys, one load balancer and one service, all
     * else default. For tests that need a valid starting point rather than particular values. It has 11
     * lines, so a test that appends a service key finds it on line 12. The image is {@code nginx},
     * except in prod, which requires a pinned image, {@code nginx:1.27}, and HTTPS: the load balancer gets a certificate.
     */
    public static String minimal(String tier) {
        return """
                tier: %s
                account: "123456789012"
                region: eu-west-1
                owner: platform-team
                loadBalancers: { public: { allowFrom: [0.0.0.0/0]%s } }
                services:
                  web:
                    image: %s
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public } }
                """.formatted(tier, tier.equals("prod") ? ", certificates: [\"" + CERTIFICATE + "\"]" : "",
                tier.equals("prod") ? "nginx:1.27" : "nginx");
    }

    /** A dev environment in the fixtures' account, eu-west-1, with {@code extra} YAML appended. */
    public static String dev(String extra) {
        return "tier: dev\naccount: \"" + Fixtures.ACCOUNT + "\"\nregion: eu-west-1\n" + extra;
    }

}

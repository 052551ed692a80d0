package dev.ecsplatform.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.config.EnvironmentConfig;
import dev.ecsplatform.config.EnvironmentLoader;
import dev.ecsplatform.stage.EnvironmentStage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.assertions.Template;

/**
 * The change a team makes most often: a new image and nothing else. A fixture environment is synthesized twice, once as
 * written and once with every service's image tag changed, so a test can show what CloudFormation would update.
 *
 * <p>CloudFormation updates a resource only when its template properties change, so a resource that is byte-identical
 * in both templates is not touched by that deploy. {@link #assertTrafficRoutesUntouched} uses this to prove that an
 * image-only deploy leaves the listeners and listener rules, whose live state a blue/green deployment moved, alone
 * (aws-cdk #36649, ADR 0012). Any kind of deployment can reuse it with its own fixture.
 */
public final class ImageOnlyChange {

    /** An image reference in an environment file: {@code image: <reference>} on a line of its own. */
    private static final Pattern IMAGE = Pattern.compile("(?m)^(\\s*image:\\s*)(\\S+)\\s*$");

    private final EnvironmentStage before;
    private final EnvironmentStage after;
    private final BuiltApp beforeApp;
    private final BuiltApp afterApp;

    private ImageOnlyChange(String fixture) {
        this.beforeApp = build(fixture, image -> image);
        this.afterApp = build(fixture, ImageOnlyChange::nextTag);
        this.before = beforeApp.stage(fixture);
        this.after = afterApp.stage(fixture);
    }

    /** Fixture environment {@code fixture} (src/test/resources/fixtures/environments), as written and with new images. */
    public static ImageOnlyChange of(String fixture) {
        return new ImageOnlyChange(fixture);
    }

    /** A new tag for the same repository: {@code repo:1.27-alpine} becomes {@code repo:1.27-alpine-next}. */
    static String nextTag(String image) {
        return image.contains("@") ? image.substring(0, image.indexOf('@')) + ":next" : image + "-next";
    }

    /** The template of {@code service}'s stack as written. */
    public Template before(String service) {
        return beforeApp.template(before.services().get(service));
    }

    /** The template of {@code service}'s stack after the image change. */
    public Template after(String service) {
        return afterApp.template(after.services().get(service));
    }

    /** The names of the fixture's services. */
    public List<String> services() {
        return List.copyOf(before.services().keySet());
    }

    /**
     * Asserts that the image change reaches {@code service} (its task definition differs, so the deploy starts a
     * deployment) while every listener and listener rule of its stack stays byte-identical, and that the stack has at
     * least one of them to compare.
     */
    public void assertTrafficRoutesUntouched(String service) {
        Map<String, Object> beforeRoutes = routes(before(service));
        Map<String, Object> afterRoutes = routes(after(service));
        assertThat(beforeRoutes).as("listeners and listener rules of service %s", service).isNotEmpty();
        assertThat(afterRoutes).as("listeners and listener rules of service %s after an image-only change", service)
                .isEqualTo(beforeRoutes);
        assertThat(before(service).findResources("AWS::ECS::TaskDefinition"))
                .as("the image change reaches service %s's task definition", service)
                .isNotEqualTo(after(service).findResources("AWS::ECS::TaskDefinition"));
    }

    /** Every listener and listener rule of a template, by logical ID, as CloudFormation would compare them. */
    public static Map<String, Object> routes(Template template) {
        Map<String, Object> routes = new TreeMap<>();
        routes.putAll(template.findResources("AWS::ElasticLoadBalancingV2::Listener"));
        routes.putAll(template.findResources("AWS::ElasticLoadBalancingV2::ListenerRule"));
        return routes;
    }

    private static BuiltApp build(String fixture, java.util.function.UnaryOperator<String> image) {
        try {
            Path directory = Files.createTempDirectory("image-only-change");
            Files.copy(Fixtures.DIRECTORY.resolve(EnvironmentLoader.BASE_FILE), directory.resolve(EnvironmentLoader.BASE_FILE));
            String text = Files.readString(Fixtures.DIRECTORY.resolve(fixture + ".yaml"));
            Matcher matcher = IMAGE.matcher(text);
            StringBuilder changed = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(changed, Matcher.quoteReplacement(matcher.group(1) + image.apply(matcher.group(2))));
            }
            matcher.appendTail(changed);
            Files.writeString(directory.resolve(fixture + ".yaml"), changed.toString());
            EnvironmentConfig environment = EnvironmentLoader.load(directory, fixture);
            return new BuiltApp(List.of(environment), Fixtures.CONTEXT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

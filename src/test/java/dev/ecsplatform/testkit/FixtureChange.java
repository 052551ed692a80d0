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
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.assertions.Template;

/**
 * A change a team makes to an environment file, as CloudFormation would see it: a fixture environment is synthesized
 * twice, once as written and once edited, so a test can show which resources the deploy would update. The most common
 * change has its own factory, {@link #imageOnly}: a new image tag for every service and nothing else.
 *
 * <p>CloudFormation updates a resource only when its template properties change, so a resource that is byte-identical
 * in both templates is not touched by that deploy. {@link #assertTrafficRoutesUntouched} uses this to prove that a
 * deploy leaves the listeners and listener rules, whose live state a blue/green deployment moved, alone (aws-cdk
 * #36649, ADR 0012). Any kind of deployment can reuse it with its own fixture:
 * {@code FixtureChange.imageOnly("shift").assertTrafficRoutesUntouched("web")}.
 */
public final class FixtureChange {

    /** An image reference in an environment file: {@code image: <reference>} on a line of its own. */
    private static final Pattern IMAGE = Pattern.compile("(?m)^(\\s*image:\\s*)(\\S+)\\s*$");

    private final EnvironmentStage before;
    private final EnvironmentStage after;
    private final BuiltApp beforeApp;
    private final BuiltApp afterApp;

    private FixtureChange(String fixture, UnaryOperator<String> edit) {
        this.beforeApp = build(fixture, text -> text);
        this.afterApp = build(fixture, edit);
        this.before = beforeApp.stage(fixture);
        this.after = afterApp.stage(fixture);
    }

    /**
     * Fixture environment {@code fixture} (src/test/resources/fixtures/environments) as written and after {@code edit}
     * of its file's text, e.g. another kind of deployment for one service.
     */
    public static FixtureChange of(String fixture, UnaryOperator<String> edit) {
        return new FixtureChange(fixture, edit);
    }

    /** Fixture environment {@code fixture}, as written and with a new image tag for every service. */
    public static FixtureChange imageOnly(String fixture) {
        return of(fixture, FixtureChange::withNextImageTags);
    }

    /** The text of an environment file with every {@code image:} given its {@link #nextTag}. */
    static String withNextImageTags(String text) {
        Matcher matcher = IMAGE.matcher(text);
        StringBuilder changed = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(changed, Matcher.quoteReplacement(matcher.group(1) + nextTag(matcher.group(2))));
        }
        matcher.appendTail(changed);
        return changed.toString();
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
     * Asserts that every listener and listener rule of {@code service}'s stack stays byte-identical, and that the stack
     * has at least one of them to compare.
     */
    public void assertTrafficRoutesUntouched(String service) {
        Map<String, Object> beforeRoutes = routes(before(service));
        Map<String, Object> afterRoutes = routes(after(service));
        assertThat(beforeRoutes).as("listeners and listener rules of service %s", service).isNotEmpty();
        assertThat(afterRoutes).as("listeners and listener rules of service %s after the change", service)
                .isEqualTo(beforeRoutes);
    }

    /** Asserts that the change reaches {@code service}'s task definition, so the deploy starts an ECS deployment. */
    public void assertTaskDefinitionChanged(String service) {
        assertThat(after(service).findResources("AWS::ECS::TaskDefinition"))
                .as("the change reaches service %s's task definition", service)
                .isNotEqualTo(before(service).findResources("AWS::ECS::TaskDefinition"));
    }

    /** The resources of {@code type} in {@code service}'s stack, before and after, by logical ID. */
    public Map<String, Map<String, Object>> beforeResources(String service, String type) {
        return before(service).findResources(type);
    }

    public Map<String, Map<String, Object>> afterResources(String service, String type) {
        return after(service).findResources(type);
    }

    /** Every listener and listener rule of a template, by logical ID, as CloudFormation would compare them. */
    public static Map<String, Object> routes(Template template) {
        Map<String, Object> routes = new TreeMap<>();
        routes.putAll(template.findResources("AWS::ElasticLoadBalancingV2::Listener"));
        routes.putAll(template.findResources("AWS::ElasticLoadBalancingV2::ListenerRule"));
        return routes;
    }

    private static BuiltApp build(String fixture, UnaryOperator<String> edit) {
        try {
            Path directory = Files.createTempDirectory("image-only-change");
            Files.copy(Fixtures.DIRECTORY.resolve(EnvironmentLoader.BASE_FILE), directory.resolve(EnvironmentLoader.BASE_FILE));
            String text = Files.readString(Fixtures.DIRECTORY.resolve(fixture + ".yaml"));
            Files.writeString(directory.resolve(fixture + ".yaml"), edit.apply(text));
            EnvironmentConfig environment = EnvironmentLoader.load(directory, fixture);
            return new BuiltApp(List.of(environment), Fixtures.CONTEXT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

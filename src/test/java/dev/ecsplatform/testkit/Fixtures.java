package dev.ecsplatform.testkit;

import dev.ecsplatform.config.EnvironmentLoader;
import dev.ecsplatform.stage.EnvironmentStage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * The construct tests' own environments, {@code src/test/resources/fixtures/environments/}, built once per
 * JVM: {@code dev} (one service on one ALB), {@code prod}, {@code shared} (several services on one ALB) and
 * {@code internal} (an internal ALB). They seed their own availability zones, so nothing a team puts into
 * {@code environments/} or {@code cdk.context.json} can change what these tests see.
 */
public final class Fixtures {

    /** Where the fixture environment files live. */
    /** The certificates and web ACL of the prod fixture's load balancer (fixtures/environments/prod.yaml). */
    public static final List<String> PROD_CERTIFICATES = List.of(
            "arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555",
            "arn:aws:acm:eu-west-1:123456789012:certificate/66666666-7777-8888-9999-000000000000");
    public static final String PROD_WEB_ACL =
            "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/fixture-acl/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    public static final Path DIRECTORY = SynthesizedApp.PROJECT.resolve("src/test/resources/fixtures/environments");

    /** The account every fixture uses. */
    public static final String ACCOUNT = "123456789012";

    /** The context the CLI would cache for the fixtures' account: three zones of eu-west-1. */
    public static final Map<String, Object> CONTEXT = Map.of(
            "availability-zones:account=" + ACCOUNT + ":region=eu-west-1", List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"));

    private static final class Holder {
        private static final BuiltApp INSTANCE = new BuiltApp(EnvironmentLoader.loadAll(DIRECTORY), CONTEXT);
    }

    private Fixtures() {
    }

    /** The app that holds every fixture stage. */
    public static software.amazon.awscdk.App app() {
        return Holder.INSTANCE.app();
    }

    /** Every fixture stage, by environment name. */
    public static Map<String, EnvironmentStage> stages() {
        return Holder.INSTANCE.stages();
    }

    /** The stage of fixture environment {@code name}. */
    public static EnvironmentStage stage(String name) {
        return Holder.INSTANCE.stage(name);
    }

    /** The synthesized template of {@code stack}, cached. */
    public static Template template(Stack stack) {
        return Holder.INSTANCE.template(stack);
    }

    /** The platform template of fixture environment {@code name}. */
    public static Template platform(String name) {
        return template(stage(name).platform());
    }

    /** The template of service {@code service} in fixture environment {@code name}. */
    public static Template service(String name, String service) {
        return template(stage(name).services().get(service));
    }
}

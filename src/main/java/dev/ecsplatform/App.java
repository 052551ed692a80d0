package dev.ecsplatform;

import dev.ecsplatform.config.ConfigException;
import dev.ecsplatform.config.EffectiveConfig;
import dev.ecsplatform.config.EnvironmentConfig;
import dev.ecsplatform.config.EnvironmentLoader;
import dev.ecsplatform.stage.EnvironmentStage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.AppProps;

/**
 * The CDK app: reads {@code environments/}, then adds one {@link EnvironmentStage} per environment.
 *
 * <p>Usage:
 * <ul>
 *   <li>no arguments: synthesize every environment (what {@code cdk synth} runs);</li>
 *   <li>{@code print-config <env>}: print the environment's effective configuration, with the base
 *       file merged in and every default filled in;</li>
 *   <li>{@code -h}, {@code --help} or {@code help}: print the usage ({@link #USAGE}) and exit with 0.</li>
 * </ul>
 * Any other argument prints the usage to stderr and exits with status 2.
 * A configuration problem prints one line per problem and exits with status 1, never a stack trace.
 */
public final class App {

    /** Where the environment files live, relative to the project directory. */
    public static final Path ENVIRONMENTS = Path.of("environments");

    /** What {@code --help} prints; an unknown argument prints it to stderr and exits with 2. */
    static final String USAGE = """
            usage: tools/cdk-app [print-config <environment> | --help]

              (no arguments)              synthesize every environment into the cloud assembly
                                          (what `npx cdk synth` and `npx cdk ls` run)
              print-config <environment>  print the environment's effective configuration: the base
                                          file merged in and every default filled in
              -h, --help, help            print this help
            """;

    private App() {
    }

    public static void main(String[] args) {
        try {
            if (args.length == 1 && List.of("-h", "--help", "help").contains(args[0])) {
                System.out.print(USAGE);
                return;
            }
            if (args.length == 2 && args[0].equals("print-config")) {
                System.out.print(EffectiveConfig.toYaml(EnvironmentLoader.load(ENVIRONMENTS, args[1])));
                return;
            }
            if (args.length != 0) {
                System.err.print((args[0].equals("print-config")
                        ? "print-config takes one environment name"
                        : "unknown argument: " + args[0]) + "\n\n" + USAGE);
                System.exit(2);
            }
            synthesize(EnvironmentLoader.loadAll(ENVIRONMENTS), Path.of("."));
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** Builds the app for {@code environments} and writes the cloud assembly. */
    static void synthesize(List<EnvironmentConfig> environments, Path projectDirectory) {
        software.amazon.awscdk.App app = newApp(projectDirectory, projectDirectory.resolve("cdk.out"));
        AvailabilityZoneContext.missing(app, environments).ifPresent(System.err::println);
        environments.forEach(environment -> new EnvironmentStage(app, environment));
        try {
            app.synth();
        } catch (RuntimeException e) {
            // A rule pack or the built-in validator found something: say what and where, not how jsii failed.
            ValidationReport.describeFailure(e, app).ifPresentOrElse(message -> {
                System.err.println(message);
                System.exit(1);
            }, () -> {
                throw e;
            });
        }
    }

    /**
     * A CDK app with the project's context. Under the CLI, the CLI supplies context and output
     * directory; run directly with {@code java} (or from a test), the app reads {@code cdk.json} and
     * {@code cdk.context.json} itself and writes to {@code outdir}.
     */
    public static software.amazon.awscdk.App newApp(Path projectDirectory, Path outdir) {
        if (System.getenv("CDK_OUTDIR") != null) {
            return new software.amazon.awscdk.App();
        }
        Map<String, Object> context = CdkProject.context(projectDirectory);
        return new software.amazon.awscdk.App(AppProps.builder()
                .context(context)
                .outdir(outdir.toString())
                .build());
    }
}

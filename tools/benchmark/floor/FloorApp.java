import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnWaitConditionHandle;
import software.amazon.awscdk.Stack;

/**
 * The floor for tools/benchmark/run: the cheapest Java CDK app that still starts the JVM, the jsii
 * runtime (a Node.js child process that loads aws-cdk-lib) and writes a cloud assembly. One stack,
 * one resource that needs no assets. Whatever the project's synth costs above this is the project's.
 *
 * <p>Mirrors dev.ecsplatform.App's two modes: under the CLI (CDK_OUTDIR set) the CLI supplies
 * context and output directory; run directly it writes ./cdk.out.
 */
public final class FloorApp {

    private FloorApp() {
    }

    public static void main(String[] args) {
        App app = System.getenv("CDK_OUTDIR") != null
                ? new App()
                : new App(AppProps.builder().outdir("cdk.out").build());
        Stack stack = new Stack(app, "Floor");
        new CfnWaitConditionHandle(stack, "Nothing");
        app.synth();
    }
}

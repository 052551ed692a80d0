package dev.ecsplatform.compliance;

import io.github.cdklabs.cdknag.NagPack;
import java.util.function.Supplier;
import software.amazon.awscdk.IPolicyValidationContext;
import software.amazon.awscdk.IPolicyValidationPlugin;
import software.amazon.awscdk.PolicyValidationPluginReport;
import software.amazon.awscdk.Stage;

/**
 * Runs a cdk-nag rule pack over one stage only.
 *
 * <p>A pack registered with {@code Validations.of(stage).addPlugins(pack)} walks the whole app it is
 * given, so a pack meant for prod would also judge dev, and every stage would report every finding
 * again. This plugin hands the pack its own stage instead. A fresh pack per run, because packs keep
 * their findings in instance fields.
 */
public final class StageScopedChecks implements IPolicyValidationPlugin {

    private final Stage stage;
    private final String name;
    private final Supplier<NagPack> pack;

    public StageScopedChecks(Stage stage, String name, Supplier<NagPack> pack) {
        this.stage = stage;
        this.name = name;
        this.pack = pack;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public PolicyValidationPluginReport validate(IPolicyValidationContext context) {
        return pack.get().validateScope(stage);
    }
}

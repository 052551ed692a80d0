package dev.ecsplatform;

import dev.ecsplatform.config.EnvironmentConfig;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.App;

/**
 * Says how to seed availability zones when an environment's account and region have none cached.
 *
 * <p>A VPC pinned to an account and region needs that account's AZ names. The CLI looks them up with AWS
 * credentials and caches them in {@code cdk.context.json}; without credentials it stops with "Need to
 * perform AWS calls for account ...". A team that has just put its real account ID into an environment
 * file gets, before that, a note naming the file and the exact entry that makes the synth work offline.
 */
final class AvailabilityZoneContext {

    private AvailabilityZoneContext() {
    }

    /** The context key CDK caches an account's AZs under. */
    static String key(EnvironmentConfig environment) {
        return "availability-zones:account=" + environment.account() + ":region=" + environment.region();
    }

    /** A note for the first environment whose AZs are not in {@code app}'s context, if any. */
    static Optional<String> missing(App app, List<EnvironmentConfig> environments) {
        List<EnvironmentConfig> missing = environments.stream()
                // An existing VPC's zones are written in its file (network.existing): nothing to look up.
                .filter(environment -> environment.network().existing().isEmpty())
                .filter(environment -> app.getNode().tryGetContext(key(environment)) == null)
                .toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder note = new StringBuilder("note: no availability zones are cached for ");
        note.append(String.join(", ", missing.stream()
                .map(e -> "environments/" + e.name() + ".yaml (account " + e.account() + ", region " + e.region() + ")").toList()));
        note.append(". With AWS credentials for the account, `npx cdk synth` looks them up and caches them in cdk.context.json"
                + " (commit that file). To synthesize offline, add the zones yourself, for example:\n");
        missing.forEach(e -> note.append("  \"").append(key(e)).append("\": [\"").append(e.region()).append("a\", \"")
                .append(e.region()).append("b\", \"").append(e.region()).append("c\"]\n"));
        note.append("(the names your account lists: aws ec2 describe-availability-zones --region <region> --query 'AvailabilityZones[].ZoneName')");
        return Optional.of(note.toString());
    }
}

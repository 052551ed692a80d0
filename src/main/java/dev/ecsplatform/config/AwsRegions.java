package dev.ecsplatform.config;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The AWS regions an environment may deploy to: those of aws-cdk-lib's fact table
 * ({@code RegionInfo.getRegions()}) for the pinned aws-cdk-lib version.
 *
 * <p>A copy, not a call: reading the fact table starts the jsii runtime (about 2 s), which
 * {@code print-config} and a run stopped by a configuration problem otherwise never need.
 * {@code AwsRegionsTest} fails when the copy and the fact table disagree (after an aws-cdk-lib
 * upgrade that knows a new region), and {@code EnvironmentSchemaTest} keeps the schema's enum equal to it.
 */
final class AwsRegions {

    private static final List<String> NAMES = List.of(
            "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
            "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "cn-north-1",
            "cn-northwest-1", "eu-central-1", "eu-central-2", "eu-isoe-west-1", "eu-north-1", "eu-south-1",
            "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "eusc-de-east-1", "il-central-1", "me-central-1",
            "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-gov-east-1", "us-gov-west-1",
            "us-iso-east-1", "us-iso-west-1", "us-isob-east-1", "us-isob-west-1", "us-isof-east-1",
            "us-isof-south-1", "us-west-1", "us-west-2");

    private AwsRegions() {
    }

    /** Every region name, sorted. */
    static List<String> names() {
        return NAMES;
    }

    /**
     * The region closest to {@code region} by edit distance, if one is close enough to be a typo of it:
     * two edits within the same geography ({@code eu-wset-1}), one across geographies ({@code ue-west-1}
     * suggests us-west-1). Further than that a guess misleads more than it helps.
     */
    static Optional<String> closest(String region) {
        return names().stream()
                .filter(name -> FieldReader.editDistance(name, region) <= (prefix(name).equals(prefix(region)) ? 2 : 1))
                .min(Comparator.comparingInt((String name) -> FieldReader.editDistance(name, region))
                        .thenComparing(name -> prefix(name).equals(prefix(region)) ? 0 : 1));
    }

    /**
     * The regions that start like {@code region} ({@code eu-west-9}: every {@code eu-} region), or all of
     * them when none does: a list short enough to read in one line of an error message.
     */
    static List<String> like(String region) {
        List<String> same = names().stream().filter(name -> prefix(name).equals(prefix(region))).toList();
        return same.isEmpty() ? names() : same;
    }

    private static String prefix(String region) {
        int dash = region.indexOf('-');
        return dash < 0 ? region : region.substring(0, dash);
    }
}

package dev.ecsplatform.config;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.regioninfo.RegionInfo;

/**
 * The AWS regions an environment may deploy to: those of aws-cdk-lib's fact table
 * ({@link RegionInfo#getRegions()}), so the list moves with the pinned aws-cdk-lib version and a region
 * AWS opens becomes usable by upgrading it, not by editing a list here.
 *
 * <p>Reading the fact table starts the jsii runtime (about 2 s, once per JVM); a synth starts it anyway,
 * {@code print-config} and a run that stops at a configuration problem now pay it too.
 */
final class AwsRegions {

    private static volatile List<String> names;

    private AwsRegions() {
    }

    /** Every region name, sorted. */
    static List<String> names() {
        List<String> known = names;
        if (known == null) {
            known = RegionInfo.getRegions().stream().map(RegionInfo::getName).sorted().toList();
            names = known;
        }
        return known;
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

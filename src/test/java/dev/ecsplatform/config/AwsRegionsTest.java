package dev.ecsplatform.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.regioninfo.RegionInfo;

/** The loader's copy of the region list is aws-cdk-lib's fact table, region for region. */
class AwsRegionsTest {

    @Test
    void areTheRegionsOfAwsCdkLibsFactTable() {
        assertThat(AwsRegions.names())
                .as("AwsRegions.NAMES; after an aws-cdk-lib upgrade, copy the new list there and into the schema's region enum")
                .isEqualTo(RegionInfo.getRegions().stream().map(RegionInfo::getName).sorted().toList());
    }
}

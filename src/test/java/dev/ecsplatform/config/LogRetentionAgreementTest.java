package dev.ecsplatform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsplatform.logging.LogRetention;
import org.junit.jupiter.api.Test;

/**
 * The retentions the loader accepts (config, free of CDK) and the ones {@link LogRetention} can turn
 * into CDK constants are two lists; this keeps them the same, so an accepted value never fails at synth.
 */
class LogRetentionAgreementTest {

    @Test
    void everyRetentionTheLoaderAcceptsHasACdkConstant() {
        assertThat(IntegerChoices.LOG_RETENTION_DAYS.choices()).allSatisfy(days -> assertThat(LogRetention.ofDays(days)).isNotNull());
    }

    @Test
    void aRetentionTheLoaderRejectsHasNoConstantEither() {
        assertThatThrownBy(() -> LogRetention.ofDays(2)).hasMessage("2 days is not a CloudWatch Logs retention");
    }
}

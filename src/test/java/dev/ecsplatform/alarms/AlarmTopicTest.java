package dev.ecsplatform.alarms;

import dev.ecsplatform.testkit.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The environment's alarm topic: a key CloudWatch may use, TLS only, the contract's export, the subscriptions. */
class AlarmTopicTest {

    private static final Map<String, Object> ALARMS_OF_THIS_ACCOUNT = Map.of(
            "StringEquals", Map.of("aws:SourceAccount", "123456789012"),
            "ArnLike", Map.of("aws:SourceArn", "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:*"));

    private final Template dev = Fixtures.platform("dev");

    @Test
    void isEncryptedWithARotatedCustomerManagedKeyThatCloudWatchMayUse() {
        dev.hasResourceProperties("AWS::SNS::Topic", Map.of(
                "KmsMasterKeyId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^AlarmTopicKey"), "Arn"))));
        dev.hasResourceProperties("AWS::KMS::Key", Map.of(
                "Description", "Encrypts the alarm notifications of environment dev",
                "EnableKeyRotation", true,
                "KeyPolicy", Map.of("Version", "2012-10-17", "Statement", Match.arrayWith(List.of(Map.of(
                        "Sid", "AllowCloudWatchAlarmsOfThisAccountAndRegion",
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                        "Action", List.of("kms:Decrypt", "kms:GenerateDataKey*"),
                        "Resource", "*",
                        "Condition", ALARMS_OF_THIS_ACCOUNT))))));
    }

    @Test
    void acceptsOnlyTlsAndLetsTheAccountsAlarmsPublish() {
        dev.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of("Version", "2012-10-17",
                "Statement", List.of(
                        Map.of("Sid", "AllowPublishThroughSSLOnly", "Effect", "Deny", "Principal", "*", "Action", "sns:Publish",
                                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")),
                                "Resource", Map.of("Ref", Match.stringLikeRegexp("^AlarmTopic"))),
                        Map.of("Sid", "AllowCloudWatchAlarmsToPublish", "Effect", "Allow",
                                "Principal", Map.of("Service", "cloudwatch.amazonaws.com"), "Action", "sns:Publish",
                                "Condition", ALARMS_OF_THIS_ACCOUNT,
                                "Resource", Map.of("Ref", Match.stringLikeRegexp("^AlarmTopic")))))));
    }

    @Test
    void theKeyIsRetainedInProdAndDeletedWithTheStackElsewhere() {
        Fixtures.platform("prod").hasResource("AWS::KMS::Key", Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain",
                "Properties", Match.objectLike(Map.of("Description", "Encrypts the alarm notifications of environment prod"))));
        dev.hasResource("AWS::KMS::Key", Map.of("DeletionPolicy", "Delete", "UpdateReplacePolicy", "Delete",
                "Properties", Match.objectLike(Map.of("PendingWindowInDays", 30))));
    }

    @Test
    void isExportedForTheServiceStacksWhateverServicesExist() {
        dev.hasOutput("ExportAlarmTopicArn", Map.of("Export", Map.of("Name", "dev-platform:AlarmTopicArn"),
                "Value", Map.of("Ref", Match.stringLikeRegexp("^AlarmTopic"))));
        Fixtures.platform("shared").hasOutput("ExportAlarmTopicArn", Match.anyValue());
    }

    @Test
    void subscribesTheEmailsTheEnvironmentNamesAndNoneByDefault() {
        Template alarms = Fixtures.platform("alarms");
        alarms.resourceCountIs("AWS::SNS::Subscription", 2);
        for (String email : List.of("oncall@example.com", "platform@example.com")) {
            alarms.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint", email,
                    "TopicArn", Map.of("Ref", Match.stringLikeRegexp("^AlarmTopic"))));
        }
        dev.resourceCountIs("AWS::SNS::Subscription", 0);
    }
}

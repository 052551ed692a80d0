package dev.ecsplatform.config;

/** Log retention. */
@Doc("Log retention of the service log groups.")
public record LogsConfig(
        @OneOf(IntegerChoices.LOG_RETENTION_DAYS)
        @Default(value = "30", prod = "365")
        @Doc(value = "Days CloudWatch keeps service logs. 30 is Copilot's choice; a year in prod is what AWS Control "
                + "Tower's CT.CLOUDWATCH.PR.2 asks for. Also the default of `network.flowLogRetentionDays`.",
                rules = "prod: 365 or more")
        int retentionDays) {
}

package dev.ecsplatform.config;

/**
 * Log retention.
 *
 * @param retentionDays days CloudWatch keeps service logs, one of the values CloudWatch accepts
 *                      (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
 *                      3288, 3653); omitted means 30 outside prod and 365 in prod
 */
public record LogsConfig(int retentionDays) {
}

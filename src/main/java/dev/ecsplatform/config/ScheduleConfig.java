package dev.ecsplatform.config;

import java.util.Optional;

/** A scheduled action: new task bounds from a point in time until the next schedule sets others. */
@Doc(value = "From the time it runs, the task bounds this schedule sets hold until another schedule sets others "
        + "(or a stack update changes the scalable target, which applies `minTasks` and `maxTasks` again): a schedule "
        + "that scales down needs a partner that scales back up.",
        example = "{ schedule: \"cron(0 20 ? * MON-FRI *)\", timeZone: Europe/Berlin, minTasks: 0, maxTasks: 0 }")
public record ScheduleConfig(
        @Required("when the bounds change: cron(<minutes> <hours> <day of month> <month> <day of week> <year>), "
                + "at(yyyy-mm-ddThh:mm:ss) or rate(<n> <minutes, hours or days>), e.g. \"cron(0 20 ? * MON-FRI *)\"")
        @Matches(regex = "cron\\([^()]+\\)|at\\([^()]+\\)|rate\\([^()]+\\)", problem = "is not a schedule",
                allowed = "cron(<minutes> <hours> <day of month> <month> <day of week> <year>), "
                        + "at(yyyy-mm-ddThh:mm:ss) or rate(<n> <minutes, hours or days>)")
        @Doc(value = "When the bounds change, as Application Auto Scaling writes it: `cron(0 20 ? * MON-FRI *)` (the "
                + "six fields of EventBridge cron, minutes first; one of day of month and day of week is `?`), "
                + "`at(2027-01-15T18:00:00)` once, or `rate(6 hours)`.")
        String schedule,

        @Doc(value = "The IANA time zone a `cron` or `at` schedule is read in, e.g. `Europe/Berlin`; such a schedule "
                + "follows the zone's daylight saving time.", rules = "only with `cron` and `at`",
                omitted = "UTC")
        Optional<String> timeZone,

        @Required("the fewest tasks from this time on, e.g. 0 to stop the service (outside prod)")
        @Range(min = 0, max = 1000)
        @Doc(value = "The fewest tasks from this time on.", rules = "0 only with `maxTasks: 0`; prod: 2 or more")
        int minTasks,

        @Required("the most tasks from this time on, e.g. 0 to stop the service (outside prod)")
        @Range(min = 0, max = 1000)
        @Doc(value = "The most tasks from this time on.", rules = "`minTasks` or more")
        int maxTasks) {
}

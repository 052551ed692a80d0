package dev.ecsplatform.config;

import java.util.List;

/** Who the environment's alarm topic notifies. */
@Doc("Who the environment's alarm topic notifies when an alarm goes into or out of alarm. Anything else (a chat "
        + "channel, a pager, a queue) subscribes to the topic whose ARN the platform stack exports as "
        + "`<environment>-platform:AlarmTopicArn`.")
public record AlarmNotificationsConfig(
        @Default("[]")
        @Matches(regex = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", problem = "is not an email address",
                allowed = "an address such as oncall@example.com")
        @Doc(value = "Email addresses subscribed to the topic. SNS sends each a confirmation message first; an address "
                + "gets notifications only after its owner confirms, and an unconfirmed subscription lapses after 3 days "
                + "(deploy again to resend). Messages carry the alarm's name, state and reason, nothing of the service's data.",
                rules = "each once")
        List<String> emails) {

    public AlarmNotificationsConfig {
        emails = List.copyOf(emails);
    }
}

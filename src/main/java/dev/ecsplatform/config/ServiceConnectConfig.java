package dev.ecsplatform.config;

/** A service published in the environment's Service Connect namespace. */
@Doc("The service published in the environment's Service Connect namespace: the other services of the environment reach "
        + "it at `http://<name>:<port>` through their Service Connect proxy, without a load balancer.")
public record ServiceConnectConfig(
        @Default(computed = "defaultName", means = "the service name")
        @Matches(regex = "[a-z][a-z0-9-]{0,62}", problem = "is not a Service Connect name",
                allowed = "1 to 63 lower-case letters, digits and hyphens, starting with a letter (a DNS label)")
        @Doc(value = "The short name clients use.", rules = "unique among the environment's services")
        String name) {

    static String defaultName(DefaultContext context) {
        return context.entryName().orElseThrow();
    }
}

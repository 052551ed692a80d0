package dev.ecsplatform.config;

/** The ECS cluster. */
@Doc("The ECS cluster. It always has the FARGATE and FARGATE_SPOT capacity providers.")
public record ClusterConfig(
        @Default("enabled")
        @Doc("CloudWatch Container Insights level: `enabled` collects cluster- and service-level metrics; `enhanced` adds "
                + "task- and container-level metrics at a higher CloudWatch cost.")
        ContainerInsights containerInsights,

        @Default("false")
        @Doc("Turns on ECS Service Connect: a Cloud Map namespace named after the environment, and every service joins it "
                + "as a client (ECS adds a proxy container to its tasks, which reserves 64 MiB of the task's memory), so it "
                + "can call a service that publishes itself with `traffic.connect` at `http://<name>:<port>`, without an "
                + "internal load balancer (about 16 USD/month each).")
        boolean serviceConnect) {
}

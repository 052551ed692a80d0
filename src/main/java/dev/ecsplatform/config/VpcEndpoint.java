package dev.ecsplatform.config;

/** An AWS service the VPC reaches through a VPC endpoint instead of the internet. */
public enum VpcEndpoint implements YamlEnum {
    /** Amazon S3, by a gateway endpoint (free); ECR keeps image layers in S3. */
    S3("s3"),
    /** Amazon ECR (private registries only), by two interface endpoints: the API and the Docker registry. */
    ECR("ecr"),
    /** CloudWatch Logs, where the tasks' awslogs driver writes. */
    LOGS("logs"),
    /** AWS Secrets Manager, where ECS reads secrets from. */
    SECRETSMANAGER("secretsmanager"),
    /** AWS Systems Manager, for Parameter Store parameters. */
    SSM("ssm");

    private final String yamlName;

    VpcEndpoint(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }

    /** How many interface endpoints this is (each billed per AZ); the S3 gateway endpoint is free. */
    public int interfaceEndpoints() {
        return switch (this) {
            case S3 -> 0;
            case ECR -> 2;
            case LOGS, SECRETSMANAGER, SSM -> 1;
        };
    }
}

package dev.ecsplatform.config;

import java.util.List;

/** A Lambda function ECS calls at stages of a blue/green, canary or linear deployment. */
@Doc(value = "A Lambda function ECS calls at the given stages of a deployment, e.g. a smoke test against the test listener "
        + "after test traffic has moved. The function answers `{\"hookStatus\": \"SUCCEEDED\"}`, `\"FAILED\"` (the deployment "
        + "rolls back) or `\"IN_PROGRESS\"` (ECS calls it again). The service stack gives ECS a role that may invoke exactly "
        + "these functions.", example = "{ function: arn:aws:lambda:eu-west-1:111111111111:function:smoke-test, stages: "
        + "[postTestTrafficShift] }")
public record LifecycleHookConfig(
        @Required("the ARN of a Lambda function, e.g. arn:aws:lambda:eu-west-1:111111111111:function:smoke-test")
        @Matches(regex = CommonFieldValues.LAMBDA_FUNCTION_ARN, problem = "is not a Lambda function ARN",
                allowed = CommonFieldValues.LAMBDA_FUNCTION_ARN_ALLOWED)
        @Doc(value = "The function's ARN, optionally with a version or alias.", rules = "a function of the environment's "
                + "account and region")
        String function,

        @Required("the stages at which ECS calls the function, e.g. [postTestTrafficShift]")
        @NotEmpty("list the stages at which ECS calls the function, e.g. [postTestTrafficShift]")
        @Doc(value = "The stages at which ECS calls the function.", rules = "each once")
        List<LifecycleStage> stages) {

    public LifecycleHookConfig {
        stages = List.copyOf(stages);
    }
}

// Lambda entry points of the CodeDeploy deployment custom resource (Node.js 24, with the AWS SDK v3 the runtime
// bundles: no bundling step). The decisions are in deployment.mjs; this file only wires the SDK clients to them.
import {
  CodeDeployClient, CreateDeploymentCommand, GetDeploymentCommand, ListDeploymentsCommand, StopDeploymentCommand,
} from '@aws-sdk/client-codedeploy';
import { ECSClient, DescribeServicesCommand } from '@aws-sdk/client-ecs';
import {
  ApplicationAutoScalingClient, DescribeScalableTargetsCommand, RegisterScalableTargetCommand,
} from '@aws-sdk/client-application-auto-scaling';
import * as deployment from './deployment.mjs';

const codedeploy = new CodeDeployClient({});
const ecs = new ECSClient({});
const autoscaling = new ApplicationAutoScalingClient({});

const aws = {
  createDeployment: (input) => codedeploy.send(new CreateDeploymentCommand(input)),
  getDeployment: (input) => codedeploy.send(new GetDeploymentCommand(input)),
  listDeployments: (input) => codedeploy.send(new ListDeploymentsCommand(input)),
  stopDeployment: (input) => codedeploy.send(new StopDeploymentCommand(input)),
  describeServices: (input) => ecs.send(new DescribeServicesCommand(input)),
  describeScalableTargets: (input) => autoscaling.send(new DescribeScalableTargetsCommand(input)),
  registerScalableTarget: (input) => autoscaling.send(new RegisterScalableTargetCommand(input)),
  log: (message) => console.log(message),
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export const onEvent = (event) => deployment.onEvent(event, aws);
export const isComplete = (event) => deployment.isComplete(event, aws);

// The decisions of the CodeDeploy deployment custom resource (ADR 0013), apart from the AWS SDK: every AWS call
// goes through `aws`, an object whose methods take and return the API's own request and response shapes, so the
// tests inject fakes and the runtime injects SDK clients (index.mjs).
//
// Create: nothing. A new service already runs the properties it was created with.
// Update: when the service's PRIMARY task set does not run what the properties say, start a CodeDeploy deployment
//         with an AppSpec that carries all of them; isComplete then waits until CodeDeploy reports success (which
//         includes the termination wait) and fails, so that the stack rolls back, when CodeDeploy fails or stops.
//         A CloudFormation rollback calls Update with the old properties; when the live service already runs them
//         (CodeDeploy rolled back by itself) nothing starts. Before anything else, every deployment of the group still
//         active is stopped with rollback, and CodeDeploy's rollbacks are waited for (never stopped).
// Delete: nothing. Deleting the stack deletes the service and its task sets.

/** The deployment statuses in which CodeDeploy is still working; every other status is final. */
export const ACTIVE_STATUSES = ['Created', 'Queued', 'InProgress', 'Baking', 'Ready'];

const SCALABLE_DIMENSION = 'ecs:service:DesiredCount';

/** How long onEvent waits for the group's active deployments and rollbacks to end (its Lambda function times out after 14 minutes). */
export const STOP_WAIT_MS = 12 * 60 * 1000;
const POLL_MS = 15 * 1000;

export async function onEvent(event, aws) {
  const props = event.ResourceProperties;
  const physicalId = event.PhysicalResourceId ?? `codedeploy:${props.ApplicationName}/${props.DeploymentGroupName}`;
  if (event.RequestType !== 'Update') {
    aws.log(`${event.RequestType}: nothing to deploy`);
    return { PhysicalResourceId: physicalId, Data: { DeploymentId: '' } };
  }
  // A deployment still running is one this resource started before its provider timed out or another resource failed
  // (CloudFormation is now rolling back), one started by hand, or CodeDeploy's rollback of either; each must end before
  // the next can start (CodeDeploy allows one active deployment per group). Stopping one rolls its traffic back to the
  // original task set through a rollback deployment, which is waited for, as is a rollback already under way.
  const stopped = await stopActiveDeployments(props, aws);
  // The isComplete that would have resumed scale-in for a stopped deployment of ours never ran (its provider timed
  // out), so resume it here.
  if (stopped.length > 0) await resumeScaleIn(props, aws);
  const desired = appSpecProperties(props);
  const live = await primaryTaskSet(props, aws);
  const differences = differencesFrom(live, desired);
  if (differences.length === 0) {
    aws.log(`Update: the service already runs ${desired.TaskDefinition} as asked; no deployment`);
    return { PhysicalResourceId: physicalId, Data: { DeploymentId: '' } };
  }
  const suspended = await suspendScaleIn(props, aws);
  let deploymentId;
  try {
    ({ deploymentId } = await aws.createDeployment({
      applicationName: props.ApplicationName,
      deploymentGroupName: props.DeploymentGroupName,
      description: `CloudFormation: ${differences.join(', ')} changed`.slice(0, 100),
      revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpecJson(desired) } },
    }));
  } catch (error) {
    if (suspended) await resumeScaleIn(props, aws);
    throw error;
  }
  aws.log(`Update: started CodeDeploy deployment ${deploymentId} (${differences.join(', ')} changed); follow it with `
    + `aws deploy get-deployment --deployment-id ${deploymentId}`);
  return { PhysicalResourceId: physicalId, Data: { DeploymentId: deploymentId, ScaleInSuspended: String(suspended) } };
}

export async function isComplete(event, aws) {
  const deploymentId = event.Data?.DeploymentId;
  if (!deploymentId) return { IsComplete: true };
  const { deploymentInfo: info } = await aws.getDeployment({ deploymentId });
  aws.log(`CodeDeploy deployment ${deploymentId}: ${info.status}`);
  if (ACTIVE_STATUSES.includes(info.status)) return { IsComplete: false };
  // A failed or stopped deployment is rolled back by a deployment of its own: the resource fails only once that has
  // ended, so that CloudFormation's rollback (an Update with the old properties) finds the group idle and the original
  // task set PRIMARY again, rather than a rollback still moving traffic, during which no deployment can start.
  const rollbackId = info.rollbackInfo?.rollbackDeploymentId;
  const rollback = rollbackId ? (await aws.getDeployment({ deploymentId: rollbackId })).deploymentInfo : undefined;
  if (rollback && ACTIVE_STATUSES.includes(rollback.status)) {
    aws.log(`CodeDeploy is rolling deployment ${deploymentId} back with deployment ${rollbackId}: ${rollback.status}`);
    return { IsComplete: false };
  }
  if (event.Data.ScaleInSuspended === 'true') await resumeScaleIn(event.ResourceProperties, aws);
  if (info.status === 'Succeeded') return { IsComplete: true };
  const reason = info.errorInformation ? `${info.errorInformation.code}: ${info.errorInformation.message}` : 'no reason given';
  const rolledBack = rollback ? `; CodeDeploy rolled back with deployment ${rollbackId}, which ended ${rollback.status}` : '';
  throw new Error(`CodeDeploy deployment ${deploymentId} ended ${info.status} (${reason})${rolledBack}; `
    + `see aws deploy get-deployment --deployment-id ${deploymentId}`);
}

/** What the AppSpec carries, from the resource's properties (CloudFormation passes every scalar as a string). */
export function appSpecProperties(props) {
  return {
    TaskDefinition: props.TaskDefinition,
    ContainerName: props.ContainerName,
    ContainerPort: Number(props.ContainerPort),
    Subnets: [...props.Subnets],
    SecurityGroups: [...props.SecurityGroups],
    AssignPublicIp: props.AssignPublicIp,
    CapacityProviderStrategy: (props.CapacityProviderStrategy ?? []).map((item) => ({
      CapacityProvider: item.CapacityProvider, Weight: Number(item.Weight ?? 0), Base: Number(item.Base ?? 0),
    })),
    PlatformVersion: props.PlatformVersion,
  };
}

/** The AppSpec of an ECS deployment (CodeDeploy user guide, "AppSpec 'resources' section for Amazon ECS"). */
export function appSpec(desired) {
  return {
    version: 0.0,
    Resources: [{
      TargetService: {
        Type: 'AWS::ECS::Service',
        Properties: {
          TaskDefinition: desired.TaskDefinition,
          LoadBalancerInfo: { ContainerName: desired.ContainerName, ContainerPort: desired.ContainerPort },
          PlatformVersion: desired.PlatformVersion,
          NetworkConfiguration: {
            AwsvpcConfiguration: {
              Subnets: desired.Subnets, SecurityGroups: desired.SecurityGroups, AssignPublicIp: desired.AssignPublicIp,
            },
          },
          CapacityProviderStrategy: desired.CapacityProviderStrategy,
        },
      },
    }],
  };
}

/** The AppSpec as JSON, with the version written 0.0 as CodeDeploy's examples have it (JSON.stringify would write 0). */
export function appSpecJson(desired) {
  return JSON.stringify(appSpec(desired)).replace(/^\{"version":0,/, '{"version":0.0,');
}

/** The service's PRIMARY task set, the one production traffic reaches, in the AppSpec's terms. */
export async function primaryTaskSet(props, aws) {
  const { services = [] } = await aws.describeServices({ cluster: props.Cluster, services: [props.Service] });
  const primary = services[0]?.taskSets?.find((taskSet) => taskSet.status === 'PRIMARY');
  if (!primary) {
    throw new Error(`service ${props.Service} in cluster ${props.Cluster} has no PRIMARY task set; `
      + 'is it a CODE_DEPLOY service that ECS has finished creating?');
  }
  const network = primary.networkConfiguration?.awsvpcConfiguration ?? {};
  const loadBalancer = primary.loadBalancers?.[0] ?? {};
  return {
    TaskDefinition: primary.taskDefinition,
    ContainerName: loadBalancer.containerName,
    ContainerPort: loadBalancer.containerPort,
    Subnets: network.subnets ?? [],
    SecurityGroups: network.securityGroups ?? [],
    AssignPublicIp: network.assignPublicIp,
    CapacityProviderStrategy: (primary.capacityProviderStrategy ?? []).map((item) => ({
      CapacityProvider: item.capacityProvider, Weight: item.weight ?? 0, Base: item.base ?? 0,
    })),
    PlatformVersion: primary.platformVersion,
  };
}

/**
 * The AppSpec properties in which the live task set differs from the desired ones. Lists compare as sets. LATEST is
 * no version a task set reports (it reports the one LATEST meant when it started), so it matches any.
 */
export function differencesFrom(live, desired) {
  const sameSet = (a, b) => a.length === b.length && [...a].sort().join() === [...b].sort().join();
  const strategy = (items) => items.filter((item) => item.Weight > 0 || item.Base > 0)
    .map((item) => `${item.CapacityProvider}:${item.Weight}:${item.Base}`);
  const differences = [];
  if (live.TaskDefinition !== desired.TaskDefinition) differences.push('task definition');
  if (live.ContainerName !== desired.ContainerName || live.ContainerPort !== desired.ContainerPort) differences.push('container');
  if (!sameSet(live.Subnets, desired.Subnets)) differences.push('subnets');
  if (!sameSet(live.SecurityGroups, desired.SecurityGroups)) differences.push('security groups');
  if (live.AssignPublicIp !== desired.AssignPublicIp) differences.push('public IP');
  if (!sameSet(strategy(live.CapacityProviderStrategy), strategy(desired.CapacityProviderStrategy))) {
    differences.push('capacity provider strategy');
  }
  if (desired.PlatformVersion !== 'LATEST' && live.PlatformVersion !== desired.PlatformVersion) differences.push('platform version');
  return differences;
}

/**
 * A deployment CodeDeploy started to roll another back (CodeDeploy user guide, "Redeploy and roll back a deployment":
 * rollbacks are new deployments with new IDs; GetDeployment names their creator `codeDeployRollback`).
 */
export function isRollback(info) {
  return info.creator === 'codeDeployRollback' || Boolean(info.rollbackInfo?.rollbackTriggeringDeploymentId);
}

/**
 * Ends every deployment of the group that is still active and returns the IDs of those it stopped. A deployment started
 * by anyone but CodeDeploy's own rollback is stopped with rollback; a rollback is never stopped (that would leave
 * traffic wherever it is), only waited for. Stopping starts a rollback deployment, so the group is listed again until
 * nothing is active: only then is the PRIMARY task set the one the rollback restored, and a new deployment allowed.
 */
export async function stopActiveDeployments(props, aws) {
  const stopped = [];
  const deadline = aws.now() + STOP_WAIT_MS;
  for (;;) {
    const { deployments = [] } = await aws.listDeployments({
      applicationName: props.ApplicationName, deploymentGroupName: props.DeploymentGroupName,
      includeOnlyStatuses: ACTIVE_STATUSES,
    });
    const waiting = [];
    for (const deploymentId of deployments) {
      const { deploymentInfo: info } = await aws.getDeployment({ deploymentId });
      if (!ACTIVE_STATUSES.includes(info.status)) continue;
      if (isRollback(info)) {
        waiting.push(`${deploymentId} (a CodeDeploy rollback, ${info.status})`);
      } else if (stopped.includes(deploymentId)) {
        waiting.push(`${deploymentId} (stopped, still ${info.status})`);
      } else {
        aws.log(`stopping CodeDeploy deployment ${deploymentId}, which is still active, with rollback`);
        try {
          await aws.stopDeployment({ deploymentId, autoRollbackEnabled: true });
        } catch (error) {
          // It ended between the look and the stop: nothing to stop, and the next listing shows any rollback.
          if (error.name !== 'DeploymentAlreadyCompletedException') throw error;
        }
        stopped.push(deploymentId);
        waiting.push(`${deploymentId} (stopped, still ${info.status})`);
      }
    }
    if (waiting.length === 0) return stopped;
    if (aws.now() >= deadline) {
      throw new Error(`CodeDeploy deployments of ${props.ApplicationName}/${props.DeploymentGroupName} are still active: `
        + `${waiting.join(', ')}; wait for them to end (aws deploy get-deployment --deployment-id ...), then retry`);
    }
    aws.log(`waiting for ${waiting.join(', ')} to end`);
    await aws.sleep(POLL_MS);
  }
}

function scalableTarget(props) {
  return { ServiceNamespace: 'ecs', ResourceId: `service/${props.Cluster}/${props.Service}`, ScalableDimension: SCALABLE_DIMENSION };
}

/**
 * Suspends dynamic scale-in for the deployment: Application Auto Scaling suspends it by itself only during deployments
 * of the ECS controller, and a scale-in while CodeDeploy runs two task sets would take tasks from the new one. True
 * when this call suspended it (a suspension somebody else set is left alone, and not resumed later).
 */
export async function suspendScaleIn(props, aws) {
  const target = scalableTarget(props);
  const { ScalableTargets = [] } = await aws.describeScalableTargets({
    ServiceNamespace: target.ServiceNamespace, ResourceIds: [target.ResourceId], ScalableDimension: target.ScalableDimension,
  });
  if (ScalableTargets.length === 0 || ScalableTargets[0].SuspendedState?.DynamicScalingInSuspended) return false;
  await aws.registerScalableTarget({ ...target, SuspendedState: { ...ScalableTargets[0].SuspendedState, DynamicScalingInSuspended: true } });
  aws.log(`suspended dynamic scale-in of ${target.ResourceId} for the deployment`);
  return true;
}

export async function resumeScaleIn(props, aws) {
  const target = scalableTarget(props);
  const { ScalableTargets = [] } = await aws.describeScalableTargets({
    ServiceNamespace: target.ServiceNamespace, ResourceIds: [target.ResourceId], ScalableDimension: target.ScalableDimension,
  });
  if (ScalableTargets.length === 0) return;
  await aws.registerScalableTarget({ ...target, SuspendedState: { ...ScalableTargets[0].SuspendedState, DynamicScalingInSuspended: false } });
  aws.log(`resumed dynamic scale-in of ${target.ResourceId}`);
}

// The decisions of the CodeDeploy deployment and service shape custom resources, with every AWS call faked (no network):
//   node --test src/test/lambda/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { onEvent, isComplete, appSpec, appSpecJson, appSpecProperties, differencesFrom, STOP_WAIT_MS }
  from '../../main/resources/lambda/codedeploy-deployment/deployment.mjs';
import * as shape from '../../main/resources/lambda/codedeploy-deployment/shape.mjs';

const props = {
  ApplicationName: 'app', DeploymentGroupName: 'group', Cluster: 'cluster', Service: 'web',
  TaskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/prod-web:8',
  ContainerName: 'web', ContainerPort: '8080',
  Subnets: ['subnet-a', 'subnet-b'], SecurityGroups: ['sg-1', 'sg-2'], AssignPublicIp: 'DISABLED',
  CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: '1', Base: '0' }],
  PlatformVersion: 'LATEST',
};

function taskSet(overrides = {}) {
  return {
    status: 'PRIMARY', taskDefinition: props.TaskDefinition, platformVersion: '1.4.0',
    loadBalancers: [{ containerName: 'web', containerPort: 8080, targetGroupArn: 'tg' }],
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-b', 'subnet-a'], securityGroups: ['sg-2', 'sg-1'], assignPublicIp: 'DISABLED' } },
    capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1, base: 0 }],
    ...overrides,
  };
}

/** A fake AWS: answers from `state`, records every call. */
function fakeAws(state = {}) {
  const calls = [];
  let clock = 0;
  const record = (name, answer) => async (input) => { calls.push({ name, input }); return answer(input); };
  const statuses = { ...(state.statuses ?? {}) };
  // The group's deployments: a stop starts the rollback `state.rollbacks` names, as CodeDeploy does.
  const group = [...(state.active ?? [])];
  const info = (next) => (typeof next === 'string' ? { status: next } : next);
  const peek = (deploymentId) => info(Array.isArray(statuses[deploymentId]) ? statuses[deploymentId][0] : statuses[deploymentId]);
  return {
    calls,
    named: (name) => calls.filter((call) => call.name === name),
    createDeployment: record('createDeployment', () => ({ deploymentId: 'd-NEW' })),
    getDeployment: record('getDeployment', ({ deploymentId }) => {
      const next = statuses[deploymentId];
      return { deploymentInfo: info(Array.isArray(next) ? (next.length > 1 ? next.shift() : next[0]) : next) };
    }),
    listDeployments: record('listDeployments', ({ includeOnlyStatuses }) => ({
      deployments: group.filter((deploymentId) => includeOnlyStatuses.includes(peek(deploymentId)?.status)),
    })),
    stopDeployment: record('stopDeployment', ({ deploymentId }) => {
      const rollback = state.rollbacks?.[deploymentId];
      if (rollback) group.push(rollback);
      return { status: 'Pending' };
    }),
    describeServices: record('describeServices', () => ({ services: [{ taskSets: state.taskSets ?? [taskSet()] }] })),
    describeScalableTargets: record('describeScalableTargets', () => ({ ScalableTargets: state.targets ?? [{ SuspendedState: {} }] })),
    registerScalableTarget: record('registerScalableTarget', () => ({})),
    log: () => {},
    now: () => clock,
    sleep: async (ms) => { clock += ms; },
  };
}

const update = (changes = {}, old = props) => ({
  RequestType: 'Update', PhysicalResourceId: 'codedeploy:app/group',
  ResourceProperties: { ...props, ...changes }, OldResourceProperties: old,
});

test('create and delete start no deployment: a new service runs what it was created with', async () => {
  for (const RequestType of ['Create', 'Delete']) {
    const aws = fakeAws();
    const result = await onEvent({ RequestType, ResourceProperties: props }, aws);
    assert.equal(result.Data.DeploymentId, '');
    assert.equal(result.PhysicalResourceId, 'codedeploy:app/group');
    assert.deepEqual(aws.calls, []);
  }
});

test('a new task definition starts a deployment whose AppSpec carries everything the resource says', async () => {
  const aws = fakeAws();
  const changed = 'arn:aws:ecs:eu-west-1:123456789012:task-definition/prod-web:9';
  const result = await onEvent(update({ TaskDefinition: changed }), aws);
  assert.equal(result.Data.DeploymentId, 'd-NEW');
  assert.equal(result.PhysicalResourceId, 'codedeploy:app/group');
  const [create] = aws.named('createDeployment');
  assert.equal(create.input.applicationName, 'app');
  assert.equal(create.input.deploymentGroupName, 'group');
  assert.equal(create.input.revision.revisionType, 'AppSpecContent');
  const spec = JSON.parse(create.input.revision.appSpecContent.content);
  assert.match(create.input.revision.appSpecContent.content, /^\{"version":0\.0,/);
  const target = spec.Resources[0].TargetService;
  assert.equal(target.Type, 'AWS::ECS::Service');
  assert.deepEqual(target.Properties, {
    TaskDefinition: changed,
    LoadBalancerInfo: { ContainerName: 'web', ContainerPort: 8080 },
    PlatformVersion: 'LATEST',
    NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['subnet-a', 'subnet-b'], SecurityGroups: ['sg-1', 'sg-2'], AssignPublicIp: 'DISABLED' } },
    CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1, Base: 0 }],
  });
});

test('what ECS refuses to update under CODE_DEPLOY becomes a deployment too', async () => {
  const cases = {
    subnets: { Subnets: ['subnet-a', 'subnet-c'] },
    'security groups': { SecurityGroups: ['sg-1'] },
    'public IP': { AssignPublicIp: 'ENABLED' },
    container: { ContainerPort: '9090' },
    'capacity provider strategy': { CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT', Weight: '1', Base: '0' }] },
    'platform version': { PlatformVersion: '1.3.0' },
  };
  for (const [what, changes] of Object.entries(cases)) {
    const aws = fakeAws();
    const result = await onEvent(update(changes), aws);
    assert.equal(result.Data.DeploymentId, 'd-NEW', what);
    assert.match(aws.named('createDeployment')[0].input.description, new RegExp(what), what);
  }
});

test('a rollback to properties the live service already runs starts no second deployment', async () => {
  // CodeDeploy rolled back by itself, the stack rolls back: Update with the old properties, which the PRIMARY task set runs.
  const aws = fakeAws({ taskSets: [taskSet(), taskSet({ status: 'ACTIVE', taskDefinition: 'prod-web:9' })] });
  const result = await onEvent(update({}, { ...props, TaskDefinition: 'prod-web:9' }), aws);
  assert.equal(result.Data.DeploymentId, '');
  assert.deepEqual(aws.named('createDeployment'), []);
  assert.deepEqual(aws.named('registerScalableTarget'), []);
});

test('LATEST matches the version a task set reports; list order and weight-0 providers do not count', () => {
  const desired = appSpecProperties({ ...props, CapacityProviderStrategy: [
    { CapacityProvider: 'FARGATE', Weight: '1', Base: '0' }, { CapacityProvider: 'FARGATE_SPOT', Weight: '0', Base: '0' }] });
  const live = { ...desired, Subnets: ['subnet-b', 'subnet-a'], PlatformVersion: '1.4.0',
    CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1, Base: 0 }] };
  assert.deepEqual(differencesFrom(live, desired), []);
});

test('scale-in is suspended for the deployment and resumed when it ends', async () => {
  const aws = fakeAws({ statuses: { 'd-NEW': ['InProgress', 'Succeeded'] }, targets: [{ SuspendedState: { ScheduledScalingSuspended: true } }] });
  const started = await onEvent(update({ TaskDefinition: 'prod-web:9' }), aws);
  assert.equal(started.Data.ScaleInSuspended, 'true');
  const [suspend] = aws.named('registerScalableTarget');
  assert.deepEqual(suspend.input, { ServiceNamespace: 'ecs', ResourceId: 'service/cluster/web', ScalableDimension: 'ecs:service:DesiredCount',
    SuspendedState: { ScheduledScalingSuspended: true, DynamicScalingInSuspended: true } });
  const event = { ...update({ TaskDefinition: 'prod-web:9' }), ...started };
  assert.deepEqual(await isComplete(event, aws), { IsComplete: false });
  assert.equal(aws.named('registerScalableTarget').length, 1, 'still suspended while CodeDeploy works');
  assert.deepEqual(await isComplete(event, aws), { IsComplete: true });
  const resume = aws.named('registerScalableTarget')[1];
  assert.equal(resume.input.SuspendedState.DynamicScalingInSuspended, false);
  assert.equal(resume.input.SuspendedState.ScheduledScalingSuspended, true, 'other suspensions stay as they were');
});

test('a suspension somebody else set is neither touched nor resumed', async () => {
  const aws = fakeAws({ statuses: { 'd-NEW': 'Succeeded' }, targets: [{ SuspendedState: { DynamicScalingInSuspended: true } }] });
  const started = await onEvent(update({ TaskDefinition: 'prod-web:9' }), aws);
  assert.equal(started.Data.ScaleInSuspended, 'false');
  await isComplete({ ...update(), ...started }, aws);
  assert.deepEqual(aws.named('registerScalableTarget'), []);
});

test('a failed or stopped deployment fails the resource, so the stack rolls back, and says why', async () => {
  for (const status of ['Failed', 'Stopped']) {
    const aws = fakeAws({ statuses: { 'd-NEW': { status, errorInformation: { code: 'ALARM_ACTIVE', message: 'alarm prod-web-5xx fired' },
      rollbackInfo: { rollbackDeploymentId: 'd-BACK' } }, 'd-BACK': 'Succeeded' } });
    const event = { ...update(), Data: { DeploymentId: 'd-NEW', ScaleInSuspended: 'true' } };
    await assert.rejects(isComplete(event, aws), (error) => {
      assert.match(error.message, new RegExp(`d-NEW ended ${status} \\(ALARM_ACTIVE: alarm prod-web-5xx fired\\)`));
      assert.match(error.message, /rolled back with deployment d-BACK, which ended Succeeded/);
      return true;
    });
    assert.equal(aws.named('registerScalableTarget')[0].input.SuspendedState.DynamicScalingInSuspended, false, 'scale-in resumed first');
  }
});

test('waits while CodeDeploy works, through the termination wait', async () => {
  for (const status of ['Created', 'Queued', 'InProgress', 'Baking', 'Ready']) {
    const aws = fakeAws({ statuses: { 'd-NEW': status } });
    assert.deepEqual(await isComplete({ ...update(), Data: { DeploymentId: 'd-NEW' } }, aws), { IsComplete: false }, status);
  }
  assert.deepEqual(await isComplete({ ...update(), Data: { DeploymentId: '' } }, fakeAws()), { IsComplete: true });
});

test('a failed deployment fails the resource only once CodeDeploy has rolled it back', async () => {
  // Until then CloudFormation's rollback would find the rollback deployment moving traffic and could start nothing.
  const aws = fakeAws({ statuses: { 'd-NEW': { status: 'Failed', rollbackInfo: { rollbackDeploymentId: 'd-BACK' } },
    'd-BACK': ['InProgress', 'Succeeded'] } });
  const event = { ...update(), Data: { DeploymentId: 'd-NEW', ScaleInSuspended: 'true' } };
  assert.deepEqual(await isComplete(event, aws), { IsComplete: false });
  assert.deepEqual(aws.named('registerScalableTarget'), [], 'scale-in stays suspended while the rollback runs');
  await assert.rejects(isComplete(event, aws), /d-NEW ended Failed \(no reason given\); CodeDeploy rolled back with deployment d-BACK/);
  assert.equal(aws.named('registerScalableTarget').length, 1);
});

test('an active deployment is stopped with rollback before anything else, and waited for', async () => {
  // The provider timed out on d-OLD; CloudFormation rolls back with the old properties, which the original task set runs.
  const aws = fakeAws({ active: ['d-OLD'], statuses: { 'd-OLD': ['InProgress', 'InProgress', 'Stopped'] } });
  const result = await onEvent(update(), aws);
  assert.deepEqual(aws.named('stopDeployment').map((call) => call.input), [{ deploymentId: 'd-OLD', autoRollbackEnabled: true }]);
  assert.equal(aws.named('listDeployments').length, 3, 'listed again until nothing is active');
  assert.equal(result.Data.DeploymentId, '');
  const order = aws.calls.map((call) => call.name);
  assert.ok(order.indexOf('stopDeployment') < order.indexOf('describeServices'), 'stopped before the live service is read');
  // the timed-out isComplete never resumed scale-in; this does
  assert.deepEqual(aws.named('registerScalableTarget').map((call) => call.input.SuspendedState.DynamicScalingInSuspended), [false]);
});

test('the rollback a stop starts is waited for, not stopped, before the service is read or a deployment starts', async () => {
  // Stopping d-OLD during its termination wait: CodeDeploy moves traffic back with d-BACK; the replacement task set
  // stays PRIMARY until d-BACK has finished, and no deployment can start while it runs.
  const aws = fakeAws({ active: ['d-OLD'], rollbacks: { 'd-OLD': 'd-BACK' },
    statuses: { 'd-OLD': ['InProgress', 'Stopped'], 'd-BACK': [{ status: 'InProgress', creator: 'codeDeployRollback' }, 'Succeeded'] } });
  await onEvent(update({ TaskDefinition: 'prod-web:9' }), aws);
  assert.deepEqual(aws.named('stopDeployment').map((call) => call.input.deploymentId), ['d-OLD']);
  const order = aws.calls.map((call) => call.name);
  const rollbackDone = order.lastIndexOf('listDeployments');
  assert.ok(aws.named('getDeployment').some((call) => call.input.deploymentId === 'd-BACK'), 'the rollback was looked at');
  assert.ok(rollbackDone < order.indexOf('describeServices') && rollbackDone < order.indexOf('createDeployment'));
});

test('a rollback already under way (CodeDeploy rolled back by itself) is waited for and never stopped', async () => {
  const rollback = (status) => ({ status, rollbackInfo: { rollbackTriggeringDeploymentId: 'd-NEW' } });
  const aws = fakeAws({ active: ['d-BACK'], statuses: { 'd-BACK': [rollback('InProgress'), rollback('InProgress'), rollback('Succeeded')] } });
  const result = await onEvent(update(), aws);
  assert.deepEqual(aws.named('stopDeployment'), []);
  assert.deepEqual(aws.named('registerScalableTarget'), [], 'nothing of ours was stopped, nothing to resume');
  assert.equal(result.Data.DeploymentId, '');
});

test('a deployment that ends between the look and the stop is no error', async () => {
  const aws = fakeAws({ active: ['d-OLD'], statuses: { 'd-OLD': ['InProgress', 'Succeeded'] } });
  aws.stopDeployment = async () => {
    throw Object.assign(new Error('The deployment d-OLD has already completed'), { name: 'DeploymentAlreadyCompletedException' });
  };
  const result = await onEvent(update(), aws);
  assert.equal(result.Data.DeploymentId, '');
});

test('a stopped deployment that does not end in time fails with what to do', async () => {
  const aws = fakeAws({ active: ['d-OLD'], statuses: { 'd-OLD': 'InProgress' } });
  await assert.rejects(onEvent(update({ TaskDefinition: 'prod-web:9' }), aws),
    /deployments of app\/group are still active: d-OLD \(stopped, still InProgress\); wait for them to end/);
  assert.equal(aws.named('stopDeployment').length, 1, 'stopped once');
  assert.ok(aws.now() >= STOP_WAIT_MS);
  assert.deepEqual(aws.named('createDeployment'), []);
});

test('a service without a PRIMARY task set is an error, not a silent skip', async () => {
  await assert.rejects(onEvent(update({ TaskDefinition: 'prod-web:9' }), fakeAws({ taskSets: [] })), /no PRIMARY task set/);
});

test('a refused CreateDeployment resumes the scale-in it suspended', async () => {
  const aws = fakeAws();
  aws.createDeployment = async () => { throw new Error('DeploymentLimitExceededException'); };
  await assert.rejects(onEvent(update({ TaskDefinition: 'prod-web:9' }), aws), /DeploymentLimitExceeded/);
  const states = aws.named('registerScalableTarget').map((call) => call.input.SuspendedState.DynamicScalingInSuspended);
  assert.deepEqual(states, [true, false]);
});

test('the AppSpec version is 0.0 and names one ECS service target', () => {
  const spec = appSpec(appSpecProperties(props));
  assert.match(appSpecJson(appSpecProperties(props)), /^\{"version":0\.0,"Resources":\[/);
  assert.equal(spec.Resources.length, 1);
});

// ---- the service shape ------------------------------------------------------------------------------------------


const shapeProps = {
  Family: 'prod-web', ContainerName: 'web', ContainerPort: '8080', Subnets: ['subnet-a', 'subnet-b'],
  SecurityGroups: ['sg-1', 'sg-2'],
  CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT', Weight: '3', Base: '1' }],
};

test('the shape is created from its properties, with both providers always present', async () => {
  const created = await shape.onEvent({ RequestType: 'Create', ResourceProperties: shapeProps });
  assert.deepEqual(created.Data, {
    Family: 'prod-web', ContainerName: 'web', ContainerPort: '8080', Subnets: 'subnet-a,subnet-b',
    SecurityGroups: 'sg-1,sg-2',
    FargateWeight: '0', FargateBase: '0', FargateSpotWeight: '3', FargateSpotBase: '1',
  });
  assert.ok(created.PhysicalResourceId.length < 1024, 'a physical ID CloudFormation accepts');
});

test('an update keeps the creation-time shape however often the properties change', async () => {
  const created = await shape.onEvent({ RequestType: 'Create', ResourceProperties: shapeProps });
  let physicalId = created.PhysicalResourceId;
  for (const change of [{ ContainerPort: '9090' }, { Subnets: ['subnet-c'] }, { Family: 'prod-web2' }]) {
    const updated = await shape.onEvent({ RequestType: 'Update', PhysicalResourceId: physicalId,
      ResourceProperties: { ...shapeProps, ...change }, OldResourceProperties: shapeProps });
    assert.equal(updated.PhysicalResourceId, physicalId, 'same physical ID: no replacement');
    assert.deepEqual(updated.Data, created.Data);
    physicalId = updated.PhysicalResourceId;
  }
  assert.deepEqual(await shape.onEvent({ RequestType: 'Delete', PhysicalResourceId: physicalId }), { PhysicalResourceId: physicalId });
});

test('a physical ID this handler did not make is an error', async () => {
  await assert.rejects(shape.onEvent({ RequestType: 'Update', PhysicalResourceId: 'other', ResourceProperties: shapeProps }),
    /not a service shape/);
});

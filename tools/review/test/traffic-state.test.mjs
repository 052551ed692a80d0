// Traffic state after a blue/green kind of deployment: ECS (blue/green, canary, linear) and CodeDeploy move
// traffic by rewriting the service's listener rule (ALB) or listener (NLB) outside CloudFormation. A stack update
// that changes that resource writes the template's action back, so the report requires approval for it, but only
// for services whose deployments shift traffic. Small synthetic service stacks shaped like the synthesized ones
// (logical IDs and construct paths of ServiceStack, AlbRoute and NlbListener; the alternate groups and test routes
// carry the IDs CDK derives from their paths, Traffic/TestRule/Resource and so on).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { reviewStack, EXIT_APPROVAL, EXIT_ROUTINE } from '../review.mjs';

const review = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'review.mjs');
const KEY = 'prod/prod-service-web';
const at = (p) => ({ 'aws:cdk:path': `prod/service-web/${p}` });

function taskDefinition(image) {
  return {
    Type: 'AWS::ECS::TaskDefinition',
    Properties: { Family: 'prod-web', ContainerDefinitions: [{ Name: 'web', Image: image, PortMappings: [{ ContainerPort: 8080 }] }] },
    Metadata: at('Task/TaskDefinition/Resource'),
  };
}

function targetGroup(id, protocol = 'HTTP') {
  return [id, { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: { Port: 80, Protocol: protocol, TargetType: 'ip' }, Metadata: at(`${id.startsWith('Network') ? 'NetworkTraffic' : 'Traffic'}/${id.includes('Alternate') ? 'AlternateTargetGroup' : 'TargetGroup'}/Resource`) }];
}

/**
 * A service stack behind an ALB route. deployment: 'rolling' | 'BLUE_GREEN' | 'CANARY' | 'LINEAR' | 'CODE_DEPLOY'.
 * The ECS-native kinds name the alternate target group and both rules in the service's AdvancedConfiguration;
 * CodeDeploy keeps the service on the primary group and swaps groups behind the listeners itself.
 */
function albService({ deployment = 'BLUE_GREEN', priority = 100, paths = ['/*'], image = 'nginx:1.27-alpine', testRule = true } = {}) {
  const shifts = deployment !== 'rolling';
  const ecsNative = shifts && deployment !== 'CODE_DEPLOY';
  const rule = (listener, p) => ({
    Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
    Properties: {
      Actions: [{ TargetGroupArn: { Ref: 'TrafficTargetGroup4F4D60F6' }, Type: 'forward' }],
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: paths } }],
      ListenerArn: { 'Fn::ImportValue': `prod-platform:LoadBalancer-public:${listener}:Arn` },
      Priority: priority,
    },
    Metadata: at(`Traffic/${p}/Resource`),
  });
  const loadBalancer = { ContainerName: 'web', ContainerPort: 8080, TargetGroupArn: { Ref: 'TrafficTargetGroup4F4D60F6' } };
  if (ecsNative) {
    loadBalancer.AdvancedConfiguration = {
      AlternateTargetGroupArn: { Ref: 'TrafficAlternateTargetGroup22A5B99B' },
      ProductionListenerRule: { Ref: 'TrafficRuleE188A374' },
      ...(testRule ? { TestListenerRule: { Ref: 'TrafficTestRule926F2424' } } : {}),
      RoleArn: { 'Fn::GetAtt': ['ServiceInfrastructureRole1B2C3D4E', 'Arn'] },
    };
  }
  const deploymentConfiguration = deployment === 'rolling' || deployment === 'CODE_DEPLOY'
    ? { MaximumPercent: 200, MinimumHealthyPercent: 100, ...(deployment === 'rolling' ? { DeploymentCircuitBreaker: { Enable: true, Rollback: true } } : {}) }
    : { Strategy: deployment, BakeTimeInMinutes: 5, MaximumPercent: 200, MinimumHealthyPercent: 100,
      ...(deployment === 'CANARY' ? { CanaryConfiguration: { CanaryPercent: 10, CanaryBakeTimeInMinutes: 5 } } : {}) };
  return {
    Resources: {
      TaskTaskDefinitionD41B4570: taskDefinition(image),
      ...Object.fromEntries([targetGroup('TrafficTargetGroup4F4D60F6'), ...(shifts ? [targetGroup('TrafficAlternateTargetGroup22A5B99B')] : [])]),
      TrafficRuleE188A374: rule('Listener-HTTPS', 'Rule'),
      ...(shifts && testRule ? { TrafficTestRule926F2424: rule('TestListener', 'TestRule') } : {}),
      ServiceD69D759B: {
        Type: 'AWS::ECS::Service',
        DependsOn: ['TrafficRuleE188A374'],
        Properties: {
          Cluster: { 'Fn::ImportValue': 'prod-platform:ClusterName' },
          DeploymentConfiguration: deploymentConfiguration,
          ...(deployment === 'CODE_DEPLOY' ? { DeploymentController: { Type: 'CODE_DEPLOY' } } : {}),
          LoadBalancers: [loadBalancer],
          TaskDefinition: { Ref: 'TaskTaskDefinitionD41B4570' },
        },
        Metadata: at('Service/Service'),
      },
    },
  };
}

/** A service stack with a listener of its own on an NLB (and a test listener when it shifts traffic). */
function nlbService({ deployment = 'CANARY', port = 6379, image = 'redis:7' } = {}) {
  const shifts = deployment !== 'rolling';
  const listener = (listenerPort, p) => ({
    Type: 'AWS::ElasticLoadBalancingV2::Listener',
    Properties: {
      DefaultActions: [{ TargetGroupArn: { Ref: 'NetworkTrafficTargetGroupF0FC7E1E' }, Type: 'forward' }],
      LoadBalancerArn: { 'Fn::ImportValue': 'prod-platform:LoadBalancer-edge:Arn' },
      Port: listenerPort,
      Protocol: 'TCP',
    },
    Metadata: at(`NetworkTraffic/${p}/Resource`),
  });
  const loadBalancer = { ContainerName: 'cache', ContainerPort: 6379, TargetGroupArn: { Ref: 'NetworkTrafficTargetGroupF0FC7E1E' } };
  if (shifts) {
    loadBalancer.AdvancedConfiguration = {
      AlternateTargetGroupArn: { Ref: 'NetworkTrafficAlternateTargetGroupBD96EBE5' },
      ProductionListenerRule: { Ref: 'NetworkTrafficListener90BC0AA5' },
      TestListenerRule: { Ref: 'NetworkTrafficTestListener980C348F' },
      RoleArn: { 'Fn::GetAtt': ['ServiceInfrastructureRole1B2C3D4E', 'Arn'] },
    };
  }
  return {
    Resources: {
      TaskTaskDefinitionD41B4570: taskDefinition(image),
      ...Object.fromEntries([targetGroup('NetworkTrafficTargetGroupF0FC7E1E', 'TCP'),
        ...(shifts ? [targetGroup('NetworkTrafficAlternateTargetGroupBD96EBE5', 'TCP')] : [])]),
      NetworkTrafficListener90BC0AA5: listener(port, 'Listener'),
      ...(shifts ? { NetworkTrafficTestListener980C348F: listener(port + 1000, 'TestListener') } : {}),
      ServiceD69D759B: {
        Type: 'AWS::ECS::Service',
        Properties: {
          DeploymentConfiguration: shifts
            ? { Strategy: deployment, CanaryConfiguration: { CanaryPercent: 10, CanaryBakeTimeInMinutes: 5 }, BakeTimeInMinutes: 5 }
            : { MaximumPercent: 200, MinimumHealthyPercent: 100 },
          LoadBalancers: [loadBalancer],
          TaskDefinition: { Ref: 'TaskTaskDefinitionD41B4570' },
        },
      },
    },
  };
}

const pathsOf = (template) => (id) => template.Resources[id]?.Metadata?.['aws:cdk:path'];
const compare = (before, after) => reviewStack(KEY, before, after, { old: pathsOf(before), new: pathsOf(after) });
const trafficReasons = (result) => result.approvalReasons.filter((r) => r.includes('traffic-state-after-a-bluegreen-deployment'));

test('a listener rule priority change on an ECS blue/green service requires approval and says why', () => {
  const result = compare(albService({ deployment: 'BLUE_GREEN' }), albService({ deployment: 'BLUE_GREEN', priority: 110 }));
  assert.equal(result.approval, true);
  assert.deepEqual(trafficReasons(result), [
    'prod/prod-service-web: listener rule TrafficRuleE188A374 (prod/service-web/Traffic/Rule/Resource) changes (Priority):'
    + ' the service shifts traffic (ECS blue/green); if a deployment has moved production traffic to the other target group,'
    + " CloudFormation rewrites the rule's forward action and sends production traffic back to the group in the template,"
    + ' which may be the idle one; deploy when no deployment is in flight and check which target group serves'
    + ' (docs/deployments.md#traffic-state-after-a-bluegreen-deployment)',
    // The test rule has the same priority: it changes too, and test traffic goes back the same way.
    'prod/prod-service-web: listener rule TrafficTestRule926F2424 (prod/service-web/Traffic/TestRule/Resource) changes (Priority):'
    + ' the service shifts traffic (ECS blue/green); if a deployment has moved test traffic to the other target group,'
    + " CloudFormation rewrites the rule's forward action and sends test traffic back to the group in the template,"
    + ' which may be the idle one; deploy when no deployment is in flight and check which target group serves'
    + ' (docs/deployments.md#traffic-state-after-a-bluegreen-deployment)',
  ]);
  assert.deepEqual(result.traffic, ['TrafficRuleE188A374: Priority', 'TrafficTestRule926F2424: Priority']);
});

test('the same listener rule change on a rolling service stays routine', () => {
  const result = compare(albService({ deployment: 'rolling' }), albService({ deployment: 'rolling', priority: 110, paths: ['/api/*'] }));
  assert.equal(result.diff.isEmpty, false);
  assert.match(result.modified.join('\n'), /ListenerRule TrafficRuleE188A374 .*: (Conditions, Priority|Priority, Conditions)/);
  assert.deepEqual(result.traffic, []);
  assert.equal(result.approval, false, result.approvalReasons.join('\n'));
});

test('an NLB listener change on an ECS canary service requires approval, naming the default action', () => {
  const result = compare(nlbService({ deployment: 'CANARY' }), nlbService({ deployment: 'CANARY', port: 6380 }));
  assert.equal(result.approval, true);
  const reasons = trafficReasons(result);
  assert.equal(reasons.length, 2, reasons.join('\n'));
  assert.match(reasons[0], /^prod\/prod-service-web: listener NetworkTrafficListener90BC0AA5 \(prod\/service-web\/NetworkTraffic\/Listener\/Resource\) changes \(Port\): the service shifts traffic \(ECS canary\); if a deployment has moved production traffic to the other target group, CloudFormation rewrites the listener's default action and sends production traffic back/);
  assert.match(reasons[1], /listener NetworkTrafficTestListener980C348F .* changes \(Port\): .* moved test traffic/);
  // The listener is long-lived and changes in place: that alone stays a stateful note, not an approval.
  assert.ok(result.stateful.some((l) => l.startsWith('MODIFIED in place AWS::ElasticLoadBalancingV2::Listener NetworkTrafficListener90BC0AA5')));
  assert.equal(result.approvalReasons.length, 2, result.approvalReasons.join('\n'));
});

test('the same NLB listener change on a rolling service stays routine', () => {
  const result = compare(nlbService({ deployment: 'rolling' }), nlbService({ deployment: 'rolling', port: 6380 }));
  assert.equal(result.diff.isEmpty, false);
  assert.equal(result.approval, false, result.approvalReasons.join('\n'));
});

test('an image-only change on a blue/green service replaces the task definition routinely and leaves the routes alone', () => {
  const result = compare(albService({ deployment: 'BLUE_GREEN' }), albService({ deployment: 'BLUE_GREEN', image: 'nginx:1.28-alpine' }));
  assert.equal(result.approval, false, result.approvalReasons.join('\n'));
  assert.match(result.replaced.join('\n'), /AWS::ECS::TaskDefinition TaskTaskDefinitionD41B4570 .*replaced because of: ContainerDefinitions/);
  assert.doesNotMatch([...result.modified, ...result.replaced].join('\n'), /ListenerRule/);
  assert.deepEqual(result.traffic, []);
});

test('a rule change on a CodeDeploy-controlled service requires approval', () => {
  const result = compare(albService({ deployment: 'CODE_DEPLOY' }), albService({ deployment: 'CODE_DEPLOY', paths: ['/v2/*'] }));
  assert.equal(result.approval, true);
  const reasons = trafficReasons(result);
  assert.match(reasons[0], /^prod\/prod-service-web: listener rule TrafficRuleE188A374 \(prod\/service-web\/Traffic\/Rule\/Resource\) changes \(Conditions\): the service shifts traffic \(CodeDeploy blue\/green\); if a deployment has moved production traffic/);
  // CodeDeploy names no rule in the service: the test rule is told apart by its construct path.
  assert.match(reasons[1], /TrafficTestRule926F2424 .* moved test traffic/);
});

test('ECS linear counts, and a replaced rule says the new one comes from the template', () => {
  const before = albService({ deployment: 'LINEAR', testRule: false });
  const after = albService({ deployment: 'LINEAR', testRule: false });
  after.Resources.TrafficRuleE188A374.Properties.ListenerArn = { 'Fn::ImportValue': 'prod-platform:LoadBalancer-internal:Listener-HTTPS:Arn' };
  const result = compare(before, after);
  assert.deepEqual(trafficReasons(result).map((r) => r.replace(/; deploy when.*/, '')), [
    'prod/prod-service-web: listener rule TrafficRuleE188A374 (prod/service-web/Traffic/Rule/Resource) is replaced (ListenerArn):'
    + ' the service shifts traffic (ECS linear); if a deployment has moved production traffic to the other target group,'
    + " CloudFormation creates the new listener rule with the rule's forward action from the template and sends production"
    + ' traffic back to the group in the template, which may be the idle one',
  ]);
});

test('a service leaving blue/green in the same change still needs approval: the deployed routing may be on the other group', () => {
  const result = compare(albService({ deployment: 'BLUE_GREEN', testRule: false }), albService({ deployment: 'rolling', priority: 110 }));
  assert.match(trafficReasons(result)[0], /TrafficRuleE188A374 .* changes \(Priority\): the service shifts traffic \(ECS blue\/green\)/);
});

test('metadata alone on a blue/green service rule changes nothing that deploys: routine', () => {
  const before = albService({ deployment: 'BLUE_GREEN' });
  const after = albService({ deployment: 'BLUE_GREEN' });
  after.Resources.TrafficRuleE188A374.Metadata.cdk_nag = { rules_to_suppress: [{ id: 'X', reason: 'y' }] };
  const result = compare(before, after);
  assert.equal(result.diff.isEmpty, false);
  assert.equal(result.approval, false, result.approvalReasons.join('\n'));
});

test('the CLI prints the TRAFFIC STATE section and the reason under the verdict, exit 4', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-traffic-'));
  const write = (side, template) => {
    fs.mkdirSync(path.join(dir, side, 'prod'), { recursive: true });
    fs.writeFileSync(path.join(dir, side, 'prod', 'prod-service-web.template.json'), JSON.stringify(template, null, 1));
  };
  write('old', albService({ deployment: 'CANARY', testRule: false }));
  write('new', albService({ deployment: 'CANARY', testRule: false, priority: 120 }));
  const run = spawnSync(process.execPath, [review, '--baseline', path.join(dir, 'old'), '--new', path.join(dir, 'new')], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  const out = run.stdout + run.stderr;
  assert.equal(run.status, EXIT_APPROVAL, out);
  assert.match(out, /TRAFFIC STATE: listener rules and listeners a blue\/green kind of deployment rewrites:\n\s+TrafficRuleE188A374: Priority/);
  assert.match(out, /VERDICT: APPROVAL REQUIRED \(exit 4\)\n\s+- prod\/prod-service-web: listener rule TrafficRuleE188A374 \(prod\/service-web\/Traffic\/Rule\/Resource\) changes \(Priority\): the service shifts traffic \(ECS canary\)/);
  assert.notEqual(EXIT_ROUTINE, run.status);
});

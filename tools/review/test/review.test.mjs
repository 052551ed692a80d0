// Verdicts of the review report on real synthesized templates (fixtures/ holds prod as the CDK CLI
// wrote it), each edited the way a real change would edit it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { normalize, reviewStack, EXIT_APPROVAL, EXIT_ROUTINE } from '../review.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, 'fixtures');
const review = path.join(here, '..', 'review.mjs');

const read = (stack) => JSON.parse(fs.readFileSync(path.join(fixtures, 'prod', `${stack}.template.json`), 'utf8'));
const ofType = (template, type) => Object.entries(template.Resources).filter(([, r]) => r.Type === type);

/** Writes a golden-layout directory with the fixture templates, `edit` applied to one stack, and runs the CLI. */
function runWith(stack, edit) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-test-'));
  fs.mkdirSync(path.join(dir, 'prod'));
  for (const name of ['prod-platform', 'prod-service-web']) {
    const template = read(name);
    if (name === stack) edit(template);
    fs.writeFileSync(path.join(dir, 'prod', `${name}.template.json`), JSON.stringify(template, null, 1));
  }
  const result = spawnSync(process.execPath, [review, '--baseline', fixtures, '--new', dir], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return { code: result.status, out: result.stdout + result.stderr };
}

test('a load balancer scheme change replaces it and requires approval, naming Scheme', () => {
  const { code, out } = runWith('prod-platform', (t) => {
    const [[, lb]] = ofType(t, 'AWS::ElasticLoadBalancingV2::LoadBalancer');
    lb.Properties.Scheme = 'internal';
  });
  assert.equal(code, EXIT_APPROVAL, out);
  assert.match(out, /REPLACED:\n\s+AWS::ElasticLoadBalancingV2::LoadBalancer LoadBalancerpublicLoadBalancer97F76AF1 \(prod\/platform\/LoadBalancer-public\/LoadBalancer\/Resource\) replaced because of: Scheme/);
  assert.match(out, /VERDICT: APPROVAL REQUIRED \(exit 4\)\n\s+- prod\/prod-platform: long-lived AWS::ElasticLoadBalancingV2::LoadBalancer LoadBalancerpublicLoadBalancer97F76AF1 is replaced \(Scheme\)/);
});

test('opening a security group to 0.0.0.0/0 is widened access and requires approval', () => {
  const { code, out } = runWith('prod-service-web', (t) => {
    const [[, sg]] = ofType(t, 'AWS::EC2::SecurityGroup');
    sg.Properties.SecurityGroupIngress = [
      { CidrIp: '0.0.0.0/0', Description: 'debug', FromPort: 8080, IpProtocol: 'tcp', ToPort: 8080 },
    ];
  });
  assert.equal(code, EXIT_APPROVAL, out);
  assert.match(out, /WIDENED ACCESS:\n\s+security group ingress added: .*0\.0\.0\.0\/0.*OPEN TO THE WORLD/);
  assert.match(out, /prod\/prod-service-web: security-group access widens \(ingress from 0\.0\.0\.0\/0 or ::\/0\)/);
});

test('only changing the container image tag replaces the task definition routinely: exit 0', () => {
  const { code, out } = runWith('prod-service-web', (t) => {
    const [[, taskDefinition]] = ofType(t, 'AWS::ECS::TaskDefinition');
    const container = taskDefinition.Properties.ContainerDefinitions[0];
    assert.match(container.Image, /:1\.27-alpine$/);
    container.Image = container.Image.replace(':1.27-alpine', ':1.28-alpine');
  });
  assert.equal(code, EXIT_ROUTINE, out);
  assert.match(out, /AWS::ECS::TaskDefinition TaskTaskDefinitionD41B4570 .*replaced because of: ContainerDefinitions/);
  // The service is not in the template diff (its Ref is unchanged text) but is named as following along.
  assert.match(out, /then updated to point at the replacement: AWS::ECS::Service FargateService1DAE5452/);
  assert.match(out, /VERDICT: ROUTINE \(exit 0\)/);
  assert.doesNotMatch(out, /APPROVAL REQUIRED/);
});

test('removing a retained log group requires approval even though the data is kept', () => {
  const { code, out } = runWith('prod-service-web', (t) => {
    delete t.Resources.TaskLogsA2B30BBC;
  });
  assert.equal(code, EXIT_APPROVAL, out);
  assert.match(out, /long-lived AWS::Logs::LogGroup TaskLogsA2B30BBC .*is removed \(retained: orphaned, not deleted\)/);
});

test('adding an IAM statement is widened access', () => {
  const template = read('prod-service-web');
  const changed = structuredClone(template);
  const [[, policy]] = ofType(changed, 'AWS::IAM::Policy');
  policy.Properties.PolicyDocument.Statement.push({ Action: 's3:GetObject', Effect: 'Allow', Resource: '*' });
  const result = reviewStack('prod/prod-service-web', template, changed);
  assert.equal(result.approval, true);
  assert.ok(result.widened.some((line) => line.startsWith('IAM') && line.includes('s3:GetObject')), result.widened.join('\n'));
});

test('asset hashes and CDK path metadata alone are no change', () => {
  const template = read('prod-platform');
  const other = JSON.parse(JSON.stringify(template).replace(/[0-9a-f]{64}/g, 'f'.repeat(64)));
  for (const resource of Object.values(other.Resources)) delete resource.Metadata;
  assert.notDeepEqual(other, template);
  assert.deepEqual(normalize(other), normalize(structuredClone(other)));
  const result = reviewStack('prod/prod-platform', template, other);
  assert.equal(result.diff.isEmpty, true);
  assert.equal(result.approval, false);
});

test('identical directories report no changes and exit 0', () => {
  const { code, out } = runWith('prod-platform', () => {});
  assert.equal(code, EXIT_ROUTINE, out);
  assert.match(out, /VERDICT: ROUTINE \(exit 0\): no changes/);
});

test('a missing new directory is bad input with a message, not a crash', () => {
  const result = spawnSync(process.execPath, [review, '--new', path.join(os.tmpdir(), 'no-such-cdk-out')], { encoding: 'utf8' });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /does not exist; synthesize first/);
});

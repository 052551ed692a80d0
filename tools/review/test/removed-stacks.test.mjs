// Stacks that left the app (a service removed or renamed, an environment dropped): the report lists them
// with the commands that delete them. Each test writes a small cloud assembly (manifests shaped as the CDK
// CLI writes them) or a golden directory, and runs the report's CLI on it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EXIT_APPROVAL } from '../review.mjs';

const review = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'review.mjs');

const LISTENER_EXPORT = (env) => `${env}-platform:ExportsOutputRefLoadBalancerpublicLoadBalancerHttp6A084764D18A66C2`;
const CLUSTER_EXPORT = (env) => `${env}-platform:ExportsOutputRefClusterC2E21B6698A4B5E0`;

function platform(env, { deletionProtection = false, extraExports = [] } = {}) {
  const outputs = Object.fromEntries([LISTENER_EXPORT(env), CLUSTER_EXPORT(env), ...extraExports]
    .map((name) => [name.split(':')[1], { Value: 'x', Export: { Name: name } }]));
  return {
    Resources: {
      ClusterC2E21B66: { Type: 'AWS::ECS::Cluster' },
      LoadBalancerpublicLoadBalancer97F76AF1: {
        Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
        Properties: { LoadBalancerAttributes: [{ Key: 'deletion_protection.enabled', Value: String(deletionProtection) }] },
      },
      AccessLogsBucketCD784A59: { Type: 'AWS::S3::Bucket', DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' },
    },
    Outputs: outputs,
  };
}

function service(env, { priority = 100, listenerArn = { 'Fn::ImportValue': LISTENER_EXPORT(env) }, imports = [] } = {}) {
  return {
    Resources: {
      RouteRule04EEA1A1: {
        Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
        Properties: { ListenerArn: listenerArn, Priority: priority, Actions: [], Conditions: [] },
      },
      FargateService1DAE5452: {
        Type: 'AWS::ECS::Service',
        Properties: { Cluster: { 'Fn::ImportValue': CLUSTER_EXPORT(env) }, Tags: imports.map((name) => ({ Key: 'x', Value: { 'Fn::ImportValue': name } })) },
      },
      TaskLogsA2B30BBC: { Type: 'AWS::Logs::LogGroup', DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' },
    },
  };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'review-removed-'));

/**
 * A cloud assembly like `cdk synth` writes: manifest.json naming one nested assembly per environment, each
 * with a manifest whose stack artifacts carry environment, stackName, templateFile, terminationProtection.
 * envs: { <env>: { region, terminationProtection, stacks: { <stack-name>: template } } }
 */
function writeAssembly(envs) {
  const dir = tmp();
  const top = { version: '54.0.0', artifacts: {} };
  for (const [env, { region = 'eu-west-1', terminationProtection = false, stacks }] of Object.entries(envs)) {
    top.artifacts[`assembly-${env}`] = { type: 'cdk:cloud-assembly', properties: { directoryName: `assembly-${env}`, displayName: env } };
    const sub = path.join(dir, `assembly-${env}`);
    fs.mkdirSync(sub);
    const manifest = { version: '54.0.0', artifacts: {} };
    for (const [stackName, template] of Object.entries(stacks)) {
      const artifactId = stackName.replace(/-/g, '') + 'ABCD1234';
      const file = `${artifactId}.template.json`;
      fs.writeFileSync(path.join(sub, file), JSON.stringify(template));
      manifest.artifacts[artifactId] = {
        type: 'aws:cloudformation:stack',
        environment: `aws://111111111111/${region}`,
        properties: { templateFile: file, terminationProtection, stackName },
        displayName: `${env}/${stackName.slice(env.length + 1)}`,
      };
    }
    fs.writeFileSync(path.join(sub, 'manifest.json'), JSON.stringify(manifest));
  }
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(top));
  return dir;
}

/** Golden templates: <env>/<stack-name>.template.json, no manifest. */
function writeGoldens(envs) {
  const dir = tmp();
  for (const [env, { stacks }] of Object.entries(envs)) {
    fs.mkdirSync(path.join(dir, env));
    for (const [stackName, template] of Object.entries(stacks)) {
      fs.writeFileSync(path.join(dir, env, `${stackName}.template.json`), JSON.stringify(template));
    }
  }
  return dir;
}

function run(baseline, fresh) {
  const result = spawnSync(process.execPath, [review, '--baseline', baseline, '--new', fresh], { encoding: 'utf8' });
  for (const dir of [baseline, fresh]) fs.rmSync(dir, { recursive: true, force: true });
  return { code: result.status, out: result.stdout + result.stderr };
}

/** The REMOVED STACKS block of one environment. */
function removedBlock(out, env) {
  const section = out.split('\n## REMOVED STACKS')[1] ?? '';
  const block = section.split('\n### ').find((b) => b.startsWith(`environment ${env}:`));
  assert.ok(block, `no REMOVED STACKS block for ${env} in:\n${out}`);
  return block.split('\n\nVERDICT')[0];
}

/** The commands of one environment's block, in printed order. */
function commands(out, env) {
  return removedBlock(out, env).split('commands, in order (service stacks before the platform stack):\n')[1]
    .split('\n').map((l) => l.trim()).filter((l) => l.startsWith('aws '));
}

test('a removed service is listed with its delete commands and needs approval', () => {
  const { code, out } = run(
    writeAssembly({ dev: { stacks: { 'dev-platform': platform('dev'), 'dev-service-web': service('dev'), 'dev-service-worker': service('dev', { priority: 200 }) } } }),
    writeAssembly({ dev: { stacks: { 'dev-platform': platform('dev'), 'dev-service-web': service('dev') } } }),
  );
  assert.equal(code, EXIT_APPROVAL, out);
  assert.match(out, /### dev-service-worker \(STACK REMOVED: still deployed, see REMOVED STACKS\)/);
  const block = removedBlock(out, 'dev');
  assert.match(block, /^environment dev: 1 stack\(s\) to delete\n/);
  assert.match(block, /dev-service-worker: region eu-west-1 \(baseline manifest\), termination protection off/);
  assert.match(block, /kept after delete \(DeletionPolicy Retain\), delete by hand if unwanted: AWS::Logs::LogGroup TaskLogsA2B30BBC/);
  assert.match(block, /order: independent of npx cdk deploy 'dev\/\*'/);
  assert.doesNotMatch(block, /WARNING/);
  assert.deepEqual(commands(out, 'dev'), [
    'aws cloudformation delete-stack --stack-name dev-service-worker --region eu-west-1',
    'aws cloudformation wait stack-delete-complete --stack-name dev-service-worker --region eu-west-1',
  ]);
  assert.match(out, /VERDICT: APPROVAL REQUIRED \(exit 4\)[\s\S]*- dev\/dev-service-worker: stack is no longer in the app; it stays deployed until deleted/);
});

test('a renamed service keeping its priority on the same listener: collision warning, delete before deploy', () => {
  const { code, out } = run(
    writeAssembly({ test: { region: 'eu-central-1', stacks: { 'test-platform': platform('test'), 'test-service-web': service('test') } } }),
    writeAssembly({ test: { region: 'eu-central-1', stacks: { 'test-platform': platform('test'), 'test-service-api': service('test') } } }),
  );
  assert.equal(code, EXIT_APPROVAL, out);
  const block = removedBlock(out, 'test');
  assert.match(block, new RegExp(`WARNING: listener-rule priority 100 collides: removed test-service-web \\(RouteRule04EEA1A1\\) holds it on import ${LISTENER_EXPORT('test')}; `
    + 'test-service-api \\(RouteRule04EEA1A1\\) cannot be deployed until test-service-web is deleted\\.'));
  assert.match(block, /deploy test-service-api with a free priority, then delete test-service-web/);
  assert.match(block, /order: run these commands before npx cdk deploy 'test\/\*', or first deploy the new service with a free priority/);
  assert.deepEqual(commands(out, 'test'), [
    'aws cloudformation delete-stack --stack-name test-service-web --region eu-central-1',
    'aws cloudformation wait stack-delete-complete --stack-name test-service-web --region eu-central-1',
  ]);
  assert.match(out, /- test\/test-service-api: listener-rule priority 100 is still held by removed test-service-web/);
});

test('a renamed service on another priority or listener does not collide; a listener the templates cannot name may', () => {
  const other = run(
    writeAssembly({ test: { stacks: { 'test-platform': platform('test'), 'test-service-web': service('test') } } }),
    writeAssembly({ test: { stacks: { 'test-platform': platform('test'), 'test-service-api': service('test', { priority: 110 }) } } }),
  );
  assert.doesNotMatch(removedBlock(other.out, 'test'), /WARNING/);
  assert.match(removedBlock(other.out, 'test'), /for a rename, deploy first so the new service serves before the old one goes/);

  const otherListener = { 'Fn::ImportValue': 'test-platform:ExportsOutputRefLoadBalancerinternalListener0123456789AB' };
  const elsewhere = run(
    writeAssembly({ test: { stacks: { 'test-platform': platform('test'), 'test-service-web': service('test') } } }),
    writeAssembly({ test: { stacks: { 'test-platform': platform('test'), 'test-service-api': service('test', { listenerArn: otherListener }) } } }),
  );
  assert.doesNotMatch(removedBlock(elsewhere.out, 'test'), /WARNING/, 'same priority on another named listener is no collision');

  const unnamed = { Ref: 'SomeListener' };
  const local = run(
    writeAssembly({ test: { stacks: { 'test-platform': platform('test'), 'test-service-web': service('test', { listenerArn: unnamed }) } } }),
    writeAssembly({ test: { stacks: { 'test-platform': platform('test'), 'test-service-api': service('test') } } }),
  );
  assert.match(removedBlock(local.out, 'test'), /WARNING: listener-rule priority 100 may collide: removed test-service-web \(RouteRule04EEA1A1\) holds it \(same listener not provable from the templates\)/);
});

test('prod: termination protection comes off before delete-stack (from the manifest, or from the name with goldens)', () => {
  const fromManifest = run(
    writeAssembly({ prod: { terminationProtection: true, stacks: { 'prod-platform': platform('prod'), 'prod-service-web': service('prod'), 'prod-service-jobs': service('prod', { priority: 300 }) } } }),
    writeAssembly({ prod: { terminationProtection: true, stacks: { 'prod-platform': platform('prod'), 'prod-service-web': service('prod') } } }),
  );
  assert.equal(fromManifest.code, EXIT_APPROVAL, fromManifest.out);
  assert.match(removedBlock(fromManifest.out, 'prod'), /prod-service-jobs: region eu-west-1 \(baseline manifest\), termination protection on \(baseline manifest, the new assembly's prod stacks, environment prod\)/);
  assert.deepEqual(commands(fromManifest.out, 'prod'), [
    'aws cloudformation update-termination-protection --no-enable-termination-protection --stack-name prod-service-jobs --region eu-west-1',
    'aws cloudformation delete-stack --stack-name prod-service-jobs --region eu-west-1',
    'aws cloudformation wait stack-delete-complete --stack-name prod-service-jobs --region eu-west-1',
  ]);

  // Goldens record neither region nor protection: the region comes from the new assembly's prod stacks ...
  const goldens = run(
    writeGoldens({ prod: { stacks: { 'prod-platform': platform('prod'), 'prod-service-web': service('prod'), 'prod-service-jobs': service('prod', { priority: 300 }) } } }),
    writeAssembly({ prod: { region: 'us-east-2', terminationProtection: false, stacks: { 'prod-platform': platform('prod'), 'prod-service-web': service('prod') } } }),
  );
  assert.match(removedBlock(goldens.out, 'prod'), /prod-service-jobs: region us-east-2 \(the new assembly's prod stacks\), termination protection on \(environment prod\)/);
  assert.equal(commands(goldens.out, 'prod')[0],
    'aws cloudformation update-termination-protection --no-enable-termination-protection --stack-name prod-service-jobs --region us-east-2');

  // ... and with goldens on both sides it is a placeholder the report says to replace.
  const placeholder = run(
    writeGoldens({ prod: { stacks: { 'prod-platform': platform('prod'), 'prod-service-jobs': service('prod') } } }),
    writeGoldens({ prod: { stacks: { 'prod-platform': platform('prod') } } }),
  );
  assert.match(removedBlock(placeholder.out, 'prod'), /replace <region> with the region the stacks are deployed in/);
  assert.equal(commands(placeholder.out, 'prod')[1], 'aws cloudformation delete-stack --stack-name prod-service-jobs --region <region>');
});

test('an environment that left the app: service stacks first, the platform last, its load balancer unprotected first', () => {
  const { code, out } = run(
    writeAssembly({
      dev: { stacks: { 'dev-platform': platform('dev'), 'dev-service-web': service('dev') } },
      prod: {
        terminationProtection: true,
        // "prod-platform" sorts between the two service names: the order must not come from sorting alone.
        stacks: { 'prod-platform': platform('prod', { deletionProtection: true }), 'prod-service-api': service('prod'), 'prod-service-web': service('prod', { priority: 200 }) },
      },
    }),
    writeAssembly({ dev: { stacks: { 'dev-platform': platform('dev'), 'dev-service-web': service('dev') } } }),
  );
  assert.equal(code, EXIT_APPROVAL, out);
  const block = removedBlock(out, 'prod');
  assert.match(block, /^environment prod: 3 stack\(s\) to delete \(the environment left the app\)\n/);
  assert.match(block, /prod-platform: .*\n\s+load balancer deletion protection on: LoadBalancerpublicLoadBalancer97F76AF1 \(turned off below\)/);
  assert.doesNotMatch(block, /order:/); // nothing left to deploy in prod
  const at = (stack) => `--stack-name ${stack} --region eu-west-1`;
  const steps = (stack) => [
    `aws cloudformation update-termination-protection --no-enable-termination-protection ${at(stack)}`,
    `aws cloudformation delete-stack ${at(stack)}`,
    `aws cloudformation wait stack-delete-complete ${at(stack)}`,
  ];
  const platformSteps = steps('prod-platform');
  platformSteps.splice(1, 0, 'aws elbv2 modify-load-balancer-attributes --region eu-west-1 --attributes Key=deletion_protection.enabled,Value=false'
    + ` --load-balancer-arn "$(aws cloudformation describe-stack-resource ${at('prod-platform')} --logical-resource-id LoadBalancerpublicLoadBalancer97F76AF1 --query StackResourceDetail.PhysicalResourceId --output text)"`);
  assert.deepEqual(commands(out, 'prod'), [...steps('prod-service-api'), ...steps('prod-service-web'), ...platformSteps]);
  assert.doesNotMatch(out, /environment dev: .* to delete/);
});

test('an export the new platform drops while a removed stack imports it: delete before deploying', () => {
  const second = 'dev-platform:ExportsOutputRefLoadBalancerinternalListener0123456789AB';
  const { out } = run(
    writeAssembly({ dev: { stacks: { 'dev-platform': platform('dev', { extraExports: [second] }), 'dev-service-web': service('dev'), 'dev-service-admin': service('dev', { priority: 10, imports: [second] }) } } }),
    writeAssembly({ dev: { stacks: { 'dev-platform': platform('dev'), 'dev-service-web': service('dev') } } }),
  );
  const block = removedBlock(out, 'dev');
  assert.match(block, new RegExp(`WARNING: the new dev-platform drops export ${second}, which removed dev-service-admin imports`));
  assert.match(block, /order: run these commands before npx cdk deploy 'dev\/\*' \(an export it drops is still imported, see WARNING\)/);
});

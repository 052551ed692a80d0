// The gates catch a seeded bad template with a message that names template, logical ID, construct
// path, rule and fix; a missing tool says what to install. The seed is a real synthesized prod
// template (tools/review/test/fixtures) with a few bad edits, written to a throw-away cdk.out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const gates = path.resolve(here, '..');
const root = path.resolve(gates, '../..');
const fixture = path.join(root, 'tools/review/test/fixtures/prod/prod-service-web.template.json');
const venvPython = path.join(root, '.venv-gates/bin/python');

/** A cdk.out with one prod template: privileged container, a week of logs, an out-of-range health check. */
function seededCdkOut() {
  const template = JSON.parse(fs.readFileSync(fixture, 'utf8'));
  const r = template.Resources;
  r.TaskTaskDefinitionD41B4570.Properties.ContainerDefinitions[0].Privileged = true;
  r.TaskLogsA2B30BBC.Properties.RetentionInDays = 7;
  r.RouteTargetGroup18DF8D6D.Properties.HealthCheckIntervalSeconds = 500;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gates-test-'));
  fs.mkdirSync(path.join(dir, 'assembly-prod'));
  fs.writeFileSync(path.join(dir, 'assembly-prod', 'prodservicewebBF54D17E.template.json'), JSON.stringify(template, null, 1));
  // What ConfigSources.java records: the service stack is made from services.web.
  fs.writeFileSync(path.join(dir, 'assembly-prod', 'prodservicewebBF54D17E.metadata.json'), JSON.stringify({
    '/prod/service-web': [{ type: 'ecsplatform:config', data: 'services.web in environments/prod.yaml (or environments/base.yaml, which it is merged over)' }],
  }));
  return dir;
}

test('cfn-guard gate fails a seeded bad template and says where and how to fix', () => {
  const dir = seededCdkOut();
  const result = spawnSync(process.execPath, [path.join(gates, 'cfn-guard-gate.mjs'), '--cdk-out', dir], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  const out = result.stdout + result.stderr;
  assert.equal(result.status, 1, out);
  // Privileged container (CT.ECS.PR.11) and a week of prod logs (CT.CLOUDWATCH.PR.2, not disabled for prod).
  assert.match(out, /FAIL CT\.ECS\.PR\.11 \(\w+\)\n\s+template:\s+\S+prodservicewebBF54D17E\.template\.json\n\s+logical ID:\s+TaskTaskDefinitionD41B4570\n\s+construct path: prod\/service-web\/Task\/TaskDefinition\/Resource/);
  assert.match(out, /FAIL CT\.CLOUDWATCH\.PR\.2 [^\n]*\n[^\n]*\n\s+logical ID:\s+TaskLogsA2B30BBC\n\s+construct path: prod\/service-web\/Task\/Logs\/Resource/);
  assert.match(out, /how to fix:\s+\S+/);
  // A finding on something made from the environment files names the field and the files.
  assert.match(out, /construct path: prod\/service-web\/Task\/TaskDefinition\/Resource\n\s+config:\s+services\.web in environments\/prod\.yaml \(or environments\/base\.yaml/);
  assert.match(out, /cfn-guard: 1 templates in 1 environments, \d+ Control Tower rules available, 0 exception\(s\): \d+ FAILURE\(S\)/);
});

/** A cdk.out whose prod task definition has a root init container with a reasoned CT.ECS.PR.3 exception. */
function cdkOutWithRootInitContainer({ essentialAsRoot }) {
  const template = JSON.parse(fs.readFileSync(fixture, 'utf8'));
  const taskDefinition = template.Resources.TaskTaskDefinitionD41B4570;
  const containers = taskDefinition.Properties.ContainerDefinitions;
  containers.push({ ...containers[0], Name: 'prepare-writable-paths', Essential: false, User: '0', PortMappings: undefined, HealthCheck: undefined });
  if (essentialAsRoot) containers[0].User = '0';
  taskDefinition.Metadata = { ...taskDefinition.Metadata, 'ecsplatform:guardExceptions': [
    { control: 'CT.ECS.PR.3', container: 'prepare-writable-paths', reason: 'Prepares root-owned scratch volumes before the app starts.' }] };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gates-test-'));
  fs.mkdirSync(path.join(dir, 'assembly-prod'));
  fs.writeFileSync(path.join(dir, 'assembly-prod', 'prodservicewebBF54D17E.template.json'), JSON.stringify(template, null, 1));
  return dir;
}

function runGuard(dir) {
  const result = spawnSync(process.execPath, [path.join(gates, 'cfn-guard-gate.mjs'), '--cdk-out', dir], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: result.status, out: result.stdout + result.stderr };
}

test('cfn-guard gate excepts only the container a task definition names, with its reason', () => {
  const { status, out } = runGuard(cdkOutWithRootInitContainer({ essentialAsRoot: false }));
  assert.equal(status, 0, out);
  assert.match(out, /EXCEPTED CT\.ECS\.PR\.3 for container 'prepare-writable-paths' of prod\/service-web\/Task\/TaskDefinition\/Resource: Prepares root-owned/);
  assert.match(out, /1 exception\(s\): PASS/);
});

test('cfn-guard gate still fails a root essential container next to an excepted one', () => {
  const { status, out } = runGuard(cdkOutWithRootInitContainer({ essentialAsRoot: true }));
  assert.equal(status, 1, out);
  assert.match(out, /FAIL CT\.ECS\.PR\.3 [^\n]*\n(?:[^\n]*\n){3}\s+at:\s+\/Resources\/TaskTaskDefinitionD41B4570\/Properties\/ContainerDefinitions\/0\/User/);
});

/** A cdk.out whose service gives its tasks public IPs, with a reasoned CT.ECS.PR.9 exception on the service only. */
function cdkOutWithPublicTasks(env) {
  const template = JSON.parse(fs.readFileSync(fixture, 'utf8'));
  const service = template.Resources.FargateService1DAE5452;
  service.Properties.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp = 'ENABLED';
  service.Metadata = { ...service.Metadata, 'ecsplatform:guardExceptions': [
    { control: 'CT.ECS.PR.9', reason: 'No NAT in this environment: tasks reach the internet by their own public IP.' }] };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gates-test-'));
  fs.mkdirSync(path.join(dir, `assembly-${env}`));
  fs.writeFileSync(path.join(dir, `assembly-${env}`, `${env}servicewebBF54D17E.template.json`), JSON.stringify(template, null, 1));
  return dir;
}

test('cfn-guard gate excepts a whole resource outside prod, with its reason', () => {
  const { out } = runGuard(cdkOutWithPublicTasks('test'));
  assert.match(out, /EXCEPTED CT\.ECS\.PR\.9 for resource prod\/service-web\/Fargate\/Service\/Service: No NAT in this environment/);
  assert.doesNotMatch(out, /FAIL CT\.ECS\.PR\.9/);
});

test('cfn-guard gate never honours a whole-resource exception in prod', () => {
  const { status, out } = runGuard(cdkOutWithPublicTasks('prod'));
  assert.equal(status, 1, out);
  assert.match(out, /FAIL CT\.ECS\.PR\.9 [^\n]*\n(?:[^\n]*\n){3}\s+at:\s+\/Resources\/FargateService1DAE5452\/Properties\/NetworkConfiguration/);
});

test('cfn-guard gate rejects a disabled rule without a reason', () => {
  const file = path.join(os.tmpdir(), `disabled-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify({ environments: { prod: { 'CT.S3.PR.2': 'n/a' } } }));
  const result = spawnSync(process.execPath, [path.join(gates, 'cfn-guard-gate.mjs'), '--disabled', file], { encoding: 'utf8' });
  fs.rmSync(file);
  assert.equal(result.status, 2, result.stdout + result.stderr);
  assert.match(result.stderr, /prod: CT\.S3\.PR\.2 needs a reason of at least 20 characters/);
});

test('cfn-lint gate fails a seeded bad template and says where and how to fix', { skip: !fs.existsSync(venvPython) && 'cfn-lint not installed: run tools/gates/install' }, () => {
  const dir = seededCdkOut();
  const result = spawnSync(venvPython, [path.join(gates, 'cfn_lint_gate.py'), '--cdk-out', dir], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  const out = result.stdout + result.stderr;
  assert.equal(result.status, 1, out);
  assert.match(out, /ERROR E\d{4} [^\n]*\n\s+template:\s+\S+prodservicewebBF54D17E\.template\.json:\d+\n\s+logical ID:\s+RouteTargetGroup18DF8D6D\n\s+construct path: prod\/service-web\/Route\/TargetGroup\/Resource\n\s+config:\s+services\.web in environments\/prod\.yaml[^\n]*\n\s+at:\s+Resources\/RouteTargetGroup18DF8D6D\/Properties\/HealthCheckIntervalSeconds/);
  assert.match(out, /finding:\s+500 is greater than the maximum of 300/);
  assert.match(out, /how to fix:\s+\S+/);
});

test('a missing python3 gives a message that says what to install', () => {
  // A PATH with the shell tools the installer needs but no python3.
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'gates-path-'));
  for (const tool of ['bash', 'dirname', 'sed', 'awk', 'cat', 'rm']) {
    const found = spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    if (found) fs.symlinkSync(found, path.join(bin, tool));
  }
  const result = spawnSync(path.join(bin, 'bash'), [path.join(gates, 'install')], {
    encoding: 'utf8', env: { PATH: bin, HOME: os.tmpdir(), GATES_VENV: path.join(bin, 'venv') },
  });
  fs.rmSync(bin, { recursive: true, force: true });
  assert.equal(result.status, 3, result.stdout + result.stderr);
  assert.match(result.stderr, /python3 not found\. Install Python 3\.9\+ \(Debian\/Ubuntu: apt-get install -y python3 python3-venv\)/);
});

test('the gates runner says how to synthesize when there are no templates', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gates-empty-'));
  const result = spawnSync('bash', [path.join(gates, 'run'), '--no-install', '--cdk-out', dir], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /no templates in .*Synthesize first: npx cdk synth --quiet/);
});

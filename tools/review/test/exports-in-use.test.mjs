// Exports the new assembly drops while a stack that stays in the app still imports them in its deployed
// (baseline) template: CloudFormation refuses the exporting stack's update, so the report requires approval
// and prints the order that gets through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EXIT_APPROVAL } from '../review.mjs';

const review = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'review.mjs');

const platform = (...exports) => ({
  Resources: { ClusterC2E21B66: { Type: 'AWS::ECS::Cluster' } },
  Outputs: Object.fromEntries(exports.map((name) => [name.split(':')[1].replace(/[^A-Za-z0-9]/g, ''), { Value: 'x', Export: { Name: name } }])),
});
const service = (...imports) => ({
  Resources: { Service: { Type: 'AWS::ECS::Service', Properties: { Tags: imports.map((name) => ({ Key: 'k', Value: { 'Fn::ImportValue': name } })) } } },
});

function goldens(stacks) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-exports-'));
  fs.mkdirSync(path.join(dir, 'dev'));
  for (const [name, template] of Object.entries(stacks)) {
    fs.writeFileSync(path.join(dir, 'dev', `${name}.template.json`), JSON.stringify(template));
  }
  return dir;
}

function run(baseline, fresh) {
  const result = spawnSync(process.execPath, [review, '--baseline', baseline, '--new', fresh], { encoding: 'utf8' });
  for (const dir of [baseline, fresh]) fs.rmSync(dir, { recursive: true, force: true });
  return { code: result.status, out: result.stdout + result.stderr };
}

test('a service that needs exports the new platform only adds must be deleted first, and that needs approval', () => {
  // GIVEN the deployed service imports an automatic export, and its new template imports a named one instead
  const { code, out } = run(
    goldens({ 'dev-platform': platform('dev-platform:ExportsOutputRefVpc'), 'dev-service-web': service('dev-platform:ExportsOutputRefVpc') }),
    goldens({ 'dev-platform': platform('dev-platform:VpcId'), 'dev-service-web': service('dev-platform:VpcId') }),
  );
  assert.equal(code, EXIT_APPROVAL, out);
  assert.match(out, /## EXPORTS IN USE: the new assembly drops exports that deployed stacks still import\n### environment dev\n/);
  assert.match(out, /dev-service-web imports 1 export\(s\) that dev-platform no longer has, e\.g\. dev-platform:ExportsOutputRefVpc: CloudFormation refuses to update dev-platform while dev-service-web imports it\./);
  assert.match(out, /its new template also imports 1 export\(s\) the new platform only adds \(e\.g\. dev-platform:VpcId\)/);
  assert.match(out, /order: delete dev-service-web \(its service is down until the last deploy recreates it\): npx cdk destroy 'dev\/service-web'[^\n]*; then npx cdk deploy 'dev\/\*'/);
  assert.match(out, /- dev\/dev-service-web: imports exports the new assembly drops; see EXPORTS IN USE for the order/);
});

test('a service that only lets go of an export is deployed first', () => {
  const { code, out } = run(
    goldens({ 'dev-platform': platform('dev-platform:VpcId', 'dev-platform:Old'), 'dev-service-web': service('dev-platform:VpcId', 'dev-platform:Old') }),
    goldens({ 'dev-platform': platform('dev-platform:VpcId'), 'dev-service-web': service('dev-platform:VpcId') }),
  );
  assert.equal(code, EXIT_APPROVAL, out);
  assert.match(out, /order: deploy dev-service-web first, which lets go of the export: npx cdk deploy 'dev\/service-web' --exclusively; then npx cdk deploy 'dev\/\*'/);
});

test('exports nobody imports may go without a word', () => {
  const { out } = run(
    goldens({ 'dev-platform': platform('dev-platform:VpcId', 'dev-platform:Unused'), 'dev-service-web': service('dev-platform:VpcId') }),
    goldens({ 'dev-platform': platform('dev-platform:VpcId'), 'dev-service-web': service('dev-platform:VpcId') }),
  );
  assert.doesNotMatch(out, /EXPORTS IN USE/);
});

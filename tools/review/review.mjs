#!/usr/bin/env node
// Review report: what deploying a fresh synth would do, compared with a baseline, per environment and
// stack. Uses the CDK CLI's own diff engine (@aws-cdk/cloudformation-diff, pinned in package.json).
//
//   node tools/review/review.mjs [--baseline DIR] [--new DIR] [--details]
//
//   --baseline DIR  a cdk.out directory, or golden templates laid out as DIR/<env>/<stack-name>.template.json
//                   (default: src/test/resources/golden)
//   --new DIR       the fresh cdk.out (default: cdk.out)
//   --details       also print the CDK CLI's full property-level diff of each changed stack
//
// Both sides are normalized the same way before diffing: 64-hex asset hashes become a placeholder, and
// the aws:cdk:path and aws:asset:* resource metadata is dropped (the CDK CLI writes it and a direct
// java run does not; it changes nothing that deploys).
//
// Exit: 0 ROUTINE (nothing risky), 4 APPROVAL REQUIRED (a long-lived/stateful resource is replaced or
// removed, or IAM / security-group access widens), 2 bad input, 1 unexpected error.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { templatesByEnvironment, stackName, constructPath } from '../gates/lib/templates.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

export const EXIT_ROUTINE = 0;
export const EXIT_APPROVAL = 4;
export const EXIT_BAD_INPUT = 2;

/**
 * Resource types whose replacement or removal loses data, changes an address others depend on, or
 * interrupts traffic: they need a human's approval. Everything else (task definitions above all, which
 * ECS keeps as immutable revisions) is replaced routinely.
 */
export const LONG_LIVED_TYPES = new Set([
  'AWS::Logs::LogGroup',
  'AWS::S3::Bucket',
  'AWS::KMS::Key',
  'AWS::EC2::VPC',
  'AWS::EC2::Subnet',
  'AWS::EC2::EIP', // the NAT gateways' public addresses, which partners may allow-list
  'AWS::EC2::SecurityGroup', // a replacement strands the rules (and exports) that name the old group
  'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::ElasticLoadBalancingV2::Listener',
  'AWS::ElasticLoadBalancingV2::TargetGroup',
  'AWS::ECS::Cluster',
  'AWS::ECS::Service',
]);

const ASSET_HASH = /[0-9a-f]{64}/g;
export const ASSET_PLACEHOLDER = '<asset-hash>';

/** The template with asset hashes replaced and CDK bookkeeping metadata dropped (a deep copy). */
export function normalize(template) {
  const walk = (node) => {
    if (typeof node === 'string') return node.replace(ASSET_HASH, ASSET_PLACEHOLDER);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    return node;
  };
  const copy = walk(template ?? {});
  for (const resource of Object.values(copy.Resources ?? {})) {
    if (resource?.Metadata) {
      for (const key of Object.keys(resource.Metadata)) {
        if (key === 'aws:cdk:path' || key.startsWith('aws:asset:')) delete resource.Metadata[key];
      }
      if (Object.keys(resource.Metadata).length === 0) delete resource.Metadata;
    }
  }
  return copy;
}

/**
 * The stacks of a directory: Map "<env>/<stack-name>" -> template file. A cdk.out has assembly-<env>/
 * folders with a manifest; a golden directory has <env>/<stack-name>.template.json.
 */
export function stacksIn(dir) {
  const stacks = new Map();
  const isCdkOut = fs.existsSync(path.join(dir, 'manifest.json'))
    || fs.readdirSync(dir).some((f) => f.startsWith('assembly-'));
  if (isCdkOut) {
    for (const [env, files] of templatesByEnvironment(dir)) {
      for (const file of files) stacks.set(`${env}/${stackName(file)}`, file);
    }
  } else {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      for (const f of fs.readdirSync(path.join(dir, entry.name)).sort()) {
        if (f.endsWith('.template.json')) stacks.set(`${entry.name}/${f.slice(0, -'.template.json'.length)}`, path.join(dir, entry.name, f));
      }
    }
  }
  return new Map([...stacks.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

function loadDiff() {
  try {
    const require = createRequire(path.join(root, 'package.json'));
    return require('@aws-cdk/cloudformation-diff');
  } catch {
    const e = new Error('@aws-cdk/cloudformation-diff is not installed. Run npm ci (needs Node.js 18+ with npm).');
    e.exitCode = EXIT_BAD_INPUT;
    throw e;
  }
}

/** Why a resource is replaced: the properties whose change forces it (or the type change). */
function replacingProperties(change) {
  if (change.resourceTypeChanged) return [`Type (${change.oldResourceType} -> ${change.newResourceType})`];
  const props = Object.entries(change.propertyUpdates)
    .filter(([, p]) => p.changeImpact === 'WILL_REPLACE' || p.changeImpact === 'MAY_REPLACE')
    .map(([name, p]) => (p.changeImpact === 'MAY_REPLACE' ? `${name} (may replace)` : name));
  return props.length > 0 ? props : ['(not reported by the resource specification)'];
}

/** Resources of `template` that Ref or GetAtt `logicalId`: CloudFormation updates them to the replacement. */
function referencers(template, logicalId) {
  return Object.entries(template?.Resources ?? {})
    .filter(([id, r]) => id !== logicalId && (JSON.stringify(r).includes(`"Ref":"${logicalId}"`)
      || JSON.stringify(r).includes(`"Fn::GetAtt":["${logicalId}"`)))
    .map(([id, r]) => `${r.Type} ${id}`);
}

function isWorldCidr(peer) {
  return peer && (peer.ip === '0.0.0.0/0' || peer.ip === '::/0' || peer.cidrIp === '0.0.0.0/0' || peer.cidrIpv6 === '::/0');
}

/**
 * Compares one stack. Returns the findings as data; `print` renders them.
 */
export function reviewStack(key, baselineTemplate, newTemplate, paths = {}) {
  const { fullDiff } = loadDiff();
  const diff = fullDiff(normalize(baselineTemplate), normalize(newTemplate));
  const result = {
    key, diff, added: [], removed: [], modified: [], replaced: [], stateful: [], widened: [], approvalReasons: [],
  };
  const where = (id, side) => {
    const p = (side === 'old' ? paths.old : paths.new)?.(id) ?? paths.new?.(id) ?? paths.old?.(id);
    return p && !p.startsWith('(') ? ` (${p})` : '';
  };
  diff.resources.forEachDifference((logicalId, change) => {
    const type = change.newResourceType ?? change.oldResourceType;
    const longLived = LONG_LIVED_TYPES.has(change.oldResourceType) || LONG_LIVED_TYPES.has(change.newResourceType);
    const label = `${type} ${logicalId}${where(logicalId, change.isRemoval ? 'old' : 'new')}`;
    const impact = change.changeImpact;
    if (change.isAddition) {
      result.added.push(label);
    } else if (change.isRemoval) {
      const orphan = impact === 'WILL_ORPHAN' ? ' (retained: orphaned, not deleted)' : '';
      result.removed.push(label + orphan);
      if (longLived) {
        result.stateful.push(`REMOVED ${label}${orphan}`);
        result.approvalReasons.push(`${key}: long-lived ${label} is removed${orphan}`);
      }
    } else if (impact === 'WILL_REPLACE' || impact === 'MAY_REPLACE') {
      const why = replacingProperties(change).join(', ');
      const followers = referencers(newTemplate, logicalId);
      const line = `${label} ${impact === 'MAY_REPLACE' ? 'may be replaced' : 'replaced'} because of: ${why}`
        + (followers.length > 0 ? `; then updated to point at the replacement: ${followers.join(', ')}` : '');
      result.replaced.push(line);
      if (longLived) {
        result.stateful.push(`REPLACED ${line}`);
        result.approvalReasons.push(`${key}: long-lived ${type} ${logicalId} is replaced (${why})`);
      }
    } else {
      const props = [...Object.keys(change.propertyUpdates), ...Object.keys(change.otherChanges)];
      const line = `${label}: ${props.join(', ')}`;
      result.modified.push(line);
      if (longLived) result.stateful.push(`MODIFIED in place ${line}`);
    }
  });

  if (diff.iamChanges.permissionsBroadened) {
    const rows = [...diff.iamChanges.summarizeStatements().slice(1), ...diff.iamChanges.summarizeManagedPolicies().slice(1)]
      .filter((row) => row[0]?.includes('+'));
    for (const row of rows) result.widened.push(`IAM ${row.map((c) => String(c).replace(/\s+/g, ' ')).join(' | ')}`);
    if (rows.length === 0) result.widened.push('IAM permissions broadened');
    result.approvalReasons.push(`${key}: IAM permissions widen`);
  }
  if (diff.securityGroupChanges.rulesAdded) {
    const json = diff.securityGroupChanges.toJson();
    const describe = (direction, rule) => {
      const world = isWorldCidr(rule.peer) ? ' OPEN TO THE WORLD' : '';
      return `security group ${direction} added: group ${JSON.stringify(rule.groupId)} ${rule.ipProtocol ?? ''} ${rule.fromPort ?? ''}-${rule.toPort ?? ''} peer ${JSON.stringify(rule.peer)}${world}`;
    };
    for (const rule of json.ingressRuleAdditions ?? []) result.widened.push(describe('ingress', rule));
    for (const rule of json.egressRuleAdditions ?? []) result.widened.push(describe('egress', rule));
    const world = [...(json.ingressRuleAdditions ?? [])].some((r) => isWorldCidr(r.peer));
    result.approvalReasons.push(`${key}: security-group access widens${world ? ' (ingress from 0.0.0.0/0 or ::/0)' : ''}`);
  }
  result.approval = result.approvalReasons.length > 0;
  return result;
}

/** Compares every stack of two directories. */
export function review(baselineDir, newDir) {
  const before = stacksIn(baselineDir);
  const after = stacksIn(newDir);
  if (after.size === 0) {
    const e = new Error(`no stack templates in ${newDir}; synthesize first`);
    e.exitCode = EXIT_BAD_INPUT;
    throw e;
  }
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  return keys.map((key) => {
    const oldFile = before.get(key);
    const newFile = after.get(key);
    const result = reviewStack(key, oldFile ? readJson(oldFile) : {}, newFile ? readJson(newFile) : {}, {
      old: oldFile && ((id) => constructPath(oldFile, id)),
      new: newFile && ((id) => constructPath(newFile, id)),
    });
    result.stackStatus = !oldFile ? 'new stack' : !newFile ? 'STACK REMOVED' : '';
    result.oldFile = oldFile;
    result.newFile = newFile;
    return result;
  });
}

/** Renders the report; returns the exit code. */
export function print(results, { details = false, out = process.stdout, baselineLabel = '' } = {}) {
  const write = (s = '') => out.write(`${s}\n`);
  write(`Review report: ${results.length} stacks${baselineLabel ? `, baseline ${baselineLabel}` : ''}`);
  let env = null;
  for (const r of results) {
    const [stackEnv, stack] = r.key.split('/');
    if (stackEnv !== env) {
      env = stackEnv;
      write();
      write(`## environment ${env}`);
    }
    const counts = `added ${r.added.length}, removed ${r.removed.length}, modified ${r.modified.length}, replaced ${r.replaced.length}`;
    const verdict = r.approval ? 'APPROVAL REQUIRED' : (r.diff.isEmpty ? 'no change' : 'routine');
    write(`### ${stack}${r.stackStatus ? ` (${r.stackStatus})` : ''}: ${counts} -> ${verdict}`);
    const section = (title, lines) => {
      if (lines.length === 0) return;
      write(`  ${title}:`);
      lines.forEach((l) => write(`    ${l}`));
    };
    section('REPLACED', r.replaced);
    section('removed', r.removed);
    section('added', r.added);
    section('modified', r.modified);
    section('WIDENED ACCESS', r.widened);
    section('stateful / long-lived resources', r.stateful);
    if (details && !r.diff.isEmpty) {
      const { formatDifferences } = loadDiff();
      write('  details (cdk diff):');
      const chunks = [];
      formatDifferences({ write: (c) => { chunks.push(String(c)); return true; } }, r.diff);
      // eslint-disable-next-line no-control-regex
      write(chunks.join('').replace(/\x1b\[[0-9;]*m/g, '').split('\n').map((l) => `    ${l}`).join('\n'));
    }
  }
  const reasons = results.flatMap((r) => r.approvalReasons);
  write();
  if (reasons.length > 0) {
    write(`VERDICT: APPROVAL REQUIRED (exit ${EXIT_APPROVAL})`);
    reasons.forEach((reason) => write(`  - ${reason}`));
    return EXIT_APPROVAL;
  }
  const changed = results.filter((r) => !r.diff.isEmpty).length;
  write(`VERDICT: ROUTINE (exit ${EXIT_ROUTINE}): ${changed === 0 ? 'no changes' : `${changed} stack(s) change, none replaces or removes a long-lived resource or widens access`}`);
  return EXIT_ROUTINE;
}

function main(argv) {
  let baseline = path.join(root, 'src/test/resources/golden');
  let fresh = path.join(root, 'cdk.out');
  let details = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--baseline' && argv[i + 1]) baseline = path.resolve(argv[++i]);
    else if (argv[i] === '--new' && argv[i + 1]) fresh = path.resolve(argv[++i]);
    else if (argv[i] === '--details') details = true;
    else if (argv[i] === '-h' || argv[i] === '--help') {
      process.stdout.write(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 17).map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
      return 0;
    } else {
      console.error(`review: unknown argument '${argv[i]}' (try --help)`);
      return EXIT_BAD_INPUT;
    }
  }
  for (const [name, dir] of [['baseline', baseline], ['new', fresh]]) {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
      console.error(`review: ${name} directory ${dir} does not exist${name === 'new' ? '; synthesize first (npx cdk synth --quiet)' : ''}`);
      return EXIT_BAD_INPUT;
    }
  }
  try {
    return print(review(baseline, fresh), { details, baselineLabel: path.relative(process.cwd(), baseline) || '.' });
  } catch (e) {
    console.error(`review: ${e.message}`);
    return e.exitCode ?? 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}

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
// A stack in the baseline but not in the new assembly (a service removed or renamed, an environment
// dropped) stays deployed, and `cdk destroy` can no longer select it: the report lists each such stack per
// environment with the AWS CLI commands that delete it, service stacks before the platform stack.
//
// A listener rule or listener of a service whose deployments shift traffic between two target groups
// (ECS blue/green, canary, linear; CodeDeploy) that is changed or replaced needs approval: CloudFormation
// writes the template's action back, which may send traffic to the idle group (aws-cdk #36649).
//
// Exit: 0 ROUTINE (nothing risky), 4 APPROVAL REQUIRED (a long-lived/stateful resource is replaced or
// removed, IAM / security-group access widens, a traffic-shifting service's listener rule or listener
// changes, or a stack left the app), 2 bad input, 1 unexpected error.
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

// ---- Traffic state after a blue/green kind of deployment ---------------------------------------------

/** ECS deployment strategies under which ECS itself moves traffic between the two target groups. */
const SHIFTING_STRATEGIES = new Map([['BLUE_GREEN', 'ECS blue/green'], ['CANARY', 'ECS canary'], ['LINEAR', 'ECS linear']]);

/** Where a service's traffic enters: the resources a blue/green kind of deployment rewrites outside CloudFormation. */
const TRAFFIC_ROUTE_TYPES = new Map([
  ['AWS::ElasticLoadBalancingV2::ListenerRule', { what: 'listener rule', action: "the rule's forward action" }],
  ['AWS::ElasticLoadBalancingV2::Listener', { what: 'listener', action: "the listener's default action" }],
]);

/** The logical ID a `{ Ref }` names, if the value is one. */
const refOf = (value) => (value && typeof value === 'object' && typeof value.Ref === 'string' ? value.Ref : undefined);

/**
 * How the ECS services of a template shift traffic, one description per kind ("ECS blue/green", "CodeDeploy
 * blue/green", ...), and the roles of the listener rules and listeners they name (logical ID -> 'production' or
 * 'test'). A rolling service shifts nothing: its one target group is the one in the template.
 */
function trafficShifting(template) {
  const kinds = new Set();
  const roles = new Map();
  for (const resource of Object.values(template?.Resources ?? {})) {
    if (resource?.Type !== 'AWS::ECS::Service') continue;
    const props = resource.Properties ?? {};
    const advanced = (Array.isArray(props.LoadBalancers) ? props.LoadBalancers : [])
      .map((lb) => lb?.AdvancedConfiguration).filter(Boolean);
    const strategy = props.DeploymentConfiguration?.Strategy;
    if (props.DeploymentController?.Type === 'CODE_DEPLOY') kinds.add('CodeDeploy blue/green');
    else if (SHIFTING_STRATEGIES.has(strategy)) kinds.add(SHIFTING_STRATEGIES.get(strategy));
    else if (advanced.some((a) => a.AlternateTargetGroupArn !== undefined)) kinds.add('an alternate target group');
    for (const a of advanced) {
      const production = refOf(a.ProductionListenerRule);
      const test = refOf(a.TestListenerRule);
      if (production) roles.set(production, 'production');
      if (test) roles.set(test, 'test');
    }
  }
  return { kinds, roles };
}

/** 'test' for the route a deployment tests the new version through, 'production' otherwise. */
function routeRole(logicalId, roles, constructPathOf) {
  if (roles.has(logicalId)) return roles.get(logicalId);
  const where = constructPathOf(logicalId) ?? '';
  return /\/Test(Rule|Listener)\//.test(where) || /Test(Rule|Listener)/.test(logicalId) ? 'test' : 'production';
}

/**
 * The approval reason for a changed or replaced listener rule or listener of a service whose deployments shift
 * traffic, or nothing. Both sides of the change count: a deployment under the deployed template may have left
 * traffic on the other group even when the new template stops shifting.
 */
function trafficStateReason(key, logicalId, change, label, changedProps, shifting, constructPathOf) {
  const route = TRAFFIC_ROUTE_TYPES.get(change.oldResourceType) ?? TRAFFIC_ROUTE_TYPES.get(change.newResourceType);
  if (!route || shifting.kinds.size === 0 || changedProps.length === 0) return undefined;
  const role = routeRole(logicalId, shifting.roles, constructPathOf);
  const replaced = change.changeImpact === 'WILL_REPLACE' || change.changeImpact === 'MAY_REPLACE';
  const how = replaced
    ? `${change.changeImpact === 'MAY_REPLACE' ? 'may be replaced' : 'is replaced'} (${changedProps.join(', ')})`
    : `changes (${changedProps.join(', ')})`;
  const rewrites = replaced ? `creates the new ${route.what} with ${route.action} from the template` : `rewrites ${route.action}`;
  return `${key}: ${route.what} ${label} ${how}: the service shifts traffic (${[...shifting.kinds].sort().join(', ')});`
    + ` if a deployment has moved ${role} traffic to the other target group, CloudFormation ${rewrites}`
    + ` and sends ${role} traffic back to the group in the template, which may be the idle one;`
    + ' deploy when no deployment is in flight and check which target group serves'
    + ' (docs/deployments.md#traffic-state-after-a-bluegreen-deployment)';
}

/**
 * Compares one stack. Returns the findings as data; `print` renders them.
 */
export function reviewStack(key, baselineTemplate, newTemplate, paths = {}) {
  const { fullDiff } = loadDiff();
  const diff = fullDiff(normalize(baselineTemplate), normalize(newTemplate));
  const result = {
    key, diff, added: [], removed: [], modified: [], replaced: [], stateful: [], widened: [], traffic: [], approvalReasons: [],
  };
  const where = (id, side) => {
    const p = (side === 'old' ? paths.old : paths.new)?.(id) ?? paths.new?.(id) ?? paths.old?.(id);
    return p && !p.startsWith('(') ? ` (${p})` : '';
  };
  const constructPathOf = (id) => {
    const p = paths.new?.(id) ?? paths.old?.(id);
    return p && !p.startsWith('(') ? p : undefined;
  };
  const before = trafficShifting(baselineTemplate);
  const after = trafficShifting(newTemplate);
  const shifting = {
    kinds: new Set([...before.kinds, ...after.kinds]),
    roles: new Map([...before.roles, ...after.roles]),
  };
  const trafficState = (logicalId, change, changedProps) => {
    const reason = trafficStateReason(key, logicalId, change, `${logicalId}${where(logicalId, 'new')}`, changedProps, shifting, constructPathOf);
    if (reason) {
      result.traffic.push(`${logicalId}: ${changedProps.join(', ')}`);
      result.approvalReasons.push(reason);
    }
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
      trafficState(logicalId, change, change.resourceTypeChanged ? replacingProperties(change) : Object.keys(change.propertyUpdates));
    } else {
      const props = [...Object.keys(change.propertyUpdates), ...Object.keys(change.otherChanges)];
      const line = `${label}: ${props.join(', ')}`;
      result.modified.push(line);
      if (longLived) result.stateful.push(`MODIFIED in place ${line}`);
      // Only properties reach the resource: Metadata, DependsOn and the policies change nothing that deploys.
      trafficState(logicalId, change, Object.keys(change.propertyUpdates));
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
    result.stackStatus = !oldFile ? 'new stack' : !newFile ? 'STACK REMOVED: still deployed, see REMOVED STACKS' : '';
    result.oldFile = oldFile;
    result.newFile = newFile;
    if (!newFile) {
      result.approvalReasons.push(`${key}: stack is no longer in the app; it stays deployed until deleted with the commands under REMOVED STACKS`);
      result.approval = true;
    }
    return result;
  });
}

// ---- Stacks that left the app ----------------------------------------------------------------------

/** The manifest entry of a template's stack, when the template sits in a cloud assembly. */
function stackArtifact(templatePath) {
  try {
    const manifest = readJson(path.join(path.dirname(templatePath), 'manifest.json'));
    const file = path.basename(templatePath);
    return Object.values(manifest.artifacts ?? {})
      .find((a) => a?.type === 'aws:cloudformation:stack' && a.properties?.templateFile === file);
  } catch {
    return undefined; // golden layout: no manifest
  }
}

/** The region of a manifest environment `aws://<account>/<region>`; none for an environment-agnostic stack. */
function regionOf(artifact) {
  const match = /^aws:\/\/[^/]*\/(.+)$/.exec(artifact?.environment ?? '');
  return match && match[1] !== 'unknown-region' ? match[1] : undefined;
}

const PLACEHOLDER_REGION = '<region>';

/** Listener rules of a template, with what identifies their listener across stacks (if anything does). */
function listenerRules(template) {
  return Object.entries(template?.Resources ?? {})
    .filter(([, r]) => r?.Type === 'AWS::ElasticLoadBalancingV2::ListenerRule')
    .map(([id, r]) => {
      const arn = r.Properties?.ListenerArn;
      // A literal ARN or an import of a named export names the same listener in every stack; a Ref or a
      // computed value does not (it is local to its stack), so such rules can only be compared by priority.
      const listener = typeof arn === 'string' ? arn
        : typeof arn?.['Fn::ImportValue'] === 'string' ? `import ${arn['Fn::ImportValue']}` : undefined;
      const priority = r.Properties?.Priority;
      return { id, listener, priority: ['string', 'number'].includes(typeof priority) ? String(priority) : undefined };
    })
    .filter((rule) => rule.priority !== undefined);
}

const exportsOf = (template) => Object.values(template?.Outputs ?? {})
  .map((o) => o?.Export?.Name).filter((name) => typeof name === 'string');

function importsOf(template) {
  const names = new Set();
  const walk = (node) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if (typeof node['Fn::ImportValue'] === 'string') names.add(node['Fn::ImportValue']);
      Object.values(node).forEach(walk);
    }
  };
  walk(template?.Resources);
  return names;
}

function loadBalancerDeletionProtected(resource) {
  return resource?.Type === 'AWS::ElasticLoadBalancingV2::LoadBalancer'
    && (resource.Properties?.LoadBalancerAttributes ?? [])
      .some((a) => a?.Key === 'deletion_protection.enabled' && String(a.Value) === 'true');
}

/**
 * Per environment, the stacks of the baseline that the new assembly no longer has, in the order to delete
 * them (service stacks first, the platform stack last), with the AWS CLI commands and what to watch for:
 * a listener-rule priority that a new rule also uses (the new stack cannot be created while the old rule
 * holds it) and an export the new assembly drops that a removed stack still imports.
 */
export function removalPlan(results) {
  const byEnv = new Map();
  for (const r of results) {
    const [env, stack] = r.key.split('/');
    if (!byEnv.has(env)) byEnv.set(env, []);
    byEnv.get(env).push({ ...r, env, stack });
  }
  const plans = [];
  for (const [env, stacks] of byEnv) {
    const removed = stacks.filter((s) => s.oldFile && !s.newFile);
    if (removed.length === 0) continue;
    const current = stacks.filter((s) => s.newFile);
    const newArtifacts = current.map((s) => stackArtifact(s.newFile)).filter(Boolean);
    const newRegion = newArtifacts.map(regionOf).find(Boolean);
    const newProtected = newArtifacts.some((a) => a.properties?.terminationProtection === true);
    const platformName = `${env}-platform`;

    const entries = removed.map((s) => {
      const template = readJson(s.oldFile);
      const artifact = stackArtifact(s.oldFile);
      const region = regionOf(artifact) ? { value: regionOf(artifact), from: 'baseline manifest' }
        : newRegion ? { value: newRegion, from: `the new assembly's ${env} stacks` }
          : { value: PLACEHOLDER_REGION, from: 'not recorded' };
      // Termination protection: the baseline manifest records it; a golden template does not, so the new
      // assembly's stacks of the environment and the environment name stand in. Disabling protection that
      // is off is a no-op, so any one of them is enough to print the step.
      const why = [];
      if (artifact?.properties?.terminationProtection === true) why.push('baseline manifest');
      if (newProtected) why.push(`the new assembly's ${env} stacks`);
      if (env === 'prod') why.push('environment prod');
      const retained = Object.entries(template.Resources ?? {})
        .filter(([, r]) => r?.DeletionPolicy === 'Retain' || r?.DeletionPolicy === 'RetainExceptOnCreate')
        .map(([id, r]) => `${r.Type} ${id}`);
      const protectedLoadBalancers = Object.entries(template.Resources ?? {})
        .filter(([, r]) => loadBalancerDeletionProtected(r)).map(([id]) => id);
      return {
        stack: s.stack, template, region, terminationProtection: why, retained, protectedLoadBalancers,
        isPlatform: s.stack === platformName || artifact?.displayName === `${env}/platform`,
      };
    });
    entries.sort((a, b) => Number(a.isPlatform) - Number(b.isPlatform) || a.stack.localeCompare(b.stack));

    // Rules the new assembly places that the deployed stacks do not have yet: every rule of a new stack,
    // and a rule of a kept stack whose listener or priority changed.
    const placed = current.flatMap((s) => {
      const before = s.oldFile ? listenerRules(readJson(s.oldFile)) : [];
      return listenerRules(readJson(s.newFile))
        .filter((rule) => !before.some((b) => b.listener === rule.listener && b.priority === rule.priority))
        .map((rule) => ({ ...rule, stack: s.stack }));
    });
    const collisions = [];
    for (const entry of entries) {
      for (const old of listenerRules(entry.template)) {
        for (const rule of placed.filter((p) => p.priority === old.priority)) {
          const known = old.listener !== undefined && rule.listener !== undefined;
          if (known && old.listener !== rule.listener) continue; // two different listeners
          collisions.push({ removed: entry.stack, removedRule: old.id, added: rule.stack, addedRule: rule.id,
            priority: old.priority, sure: known, listener: known ? old.listener : undefined });
        }
      }
    }

    // Exports the new assembly drops while a removed stack still imports them: CloudFormation refuses to
    // update the exporting stack until the importer is gone.
    const { newExports, oldExporters } = exportIndex(stacks);
    const droppedExports = entries.flatMap((entry) => [...importsOf(entry.template)]
      .filter((name) => oldExporters.has(name) && !newExports.has(name) && stacks.some((s) => s.stack === oldExporters.get(name) && s.newFile))
      .map((name) => ({ removed: entry.stack, exporter: oldExporters.get(name), name })));

    plans.push({ env, entries, collisions, droppedExports, envRemains: current.length > 0, commands: commandsFor(entries) });
  }
  return plans;
}

/** Of one environment's stacks: every export of the new assembly, and who exported each name in the baseline. */
function exportIndex(stacks) {
  return {
    newExports: new Set(stacks.filter((s) => s.newFile).flatMap((s) => exportsOf(readJson(s.newFile)))),
    oldExporters: new Map(stacks.filter((s) => s.oldFile).flatMap((s) => exportsOf(readJson(s.oldFile)).map((name) => [name, s.stack]))),
  };
}

/**
 * Per environment, the exports the new assembly no longer has while a stack that stays in the app still
 * imports them in its baseline (deployed) template. CloudFormation refuses the exporting stack's update
 * until nothing imports the export, and the platform deploys before the services, so `cdk deploy` would stop
 * there. The way out depends on the importer's new template: if it imports nothing the baseline lacks, deploy
 * it first (it lets go of the export); if it needs exports the new platform adds, it can be neither deployed
 * first nor last, so it is deleted, the platform deployed, and the stack deployed again.
 */
export function exportPlan(results) {
  const byEnv = new Map();
  for (const r of results) {
    const [env, stack] = r.key.split('/');
    if (!byEnv.has(env)) byEnv.set(env, []);
    byEnv.get(env).push({ ...r, stack });
  }
  const plans = [];
  for (const [env, stacks] of byEnv) {
    const { newExports, oldExporters } = exportIndex(stacks);
    const importers = [];
    for (const s of stacks.filter((st) => st.oldFile && st.newFile)) {
      const dropped = [...importsOf(readJson(s.oldFile))].filter((name) => oldExporters.has(name) && !newExports.has(name));
      if (dropped.length === 0) continue;
      const needsNew = [...importsOf(readJson(s.newFile))].filter((name) => !oldExporters.has(name));
      importers.push({ stack: s.stack, dropped, exporters: [...new Set(dropped.map((name) => oldExporters.get(name)))], needsNew });
    }
    if (importers.length > 0) plans.push({ env, importers });
  }
  return plans;
}

function printExportPlans(plans, write) {
  if (plans.length === 0) return;
  write();
  write('## EXPORTS IN USE: the new assembly drops exports that deployed stacks still import');
  for (const { env, importers } of plans) {
    write(`### environment ${env}`);
    for (const i of importers) {
      write(`  ${i.stack} imports ${i.dropped.length} export(s) that ${i.exporters.join(', ')} no longer has, e.g. ${i.dropped[0]}:`
        + ` CloudFormation refuses to update ${i.exporters.join(', ')} while ${i.stack} imports it.`);
      if (i.needsNew.length === 0) {
        write(`    order: deploy ${i.stack} first, which lets go of the export: npx cdk deploy '${env}/${i.stack.slice(env.length + 1)}' --exclusively; then npx cdk deploy '${env}/*'`);
      } else {
        write(`    its new template also imports ${i.needsNew.length} export(s) the new platform only adds (e.g. ${i.needsNew[0]}), so it can be deployed neither before nor after the platform:`);
        write(`    order: delete ${i.stack} (its service is down until the last deploy recreates it): npx cdk destroy '${env}/${i.stack.slice(env.length + 1)}' while it is still in the app,`
          + ' or aws cloudformation delete-stack (termination protection off first in prod);'
          + ` then npx cdk deploy '${env}/*'`);
      }
    }
  }
}

/** The AWS CLI commands that delete the stacks, in order. */
function commandsFor(entries) {
  const commands = [];
  for (const e of entries) {
    const at = `--stack-name ${e.stack} --region ${e.region.value}`;
    if (e.terminationProtection.length > 0) {
      commands.push(`aws cloudformation update-termination-protection --no-enable-termination-protection ${at}`);
    }
    for (const id of e.protectedLoadBalancers) {
      const arn = `"$(aws cloudformation describe-stack-resource ${at} --logical-resource-id ${id} --query StackResourceDetail.PhysicalResourceId --output text)"`;
      commands.push(`aws elbv2 modify-load-balancer-attributes --region ${e.region.value} --attributes Key=deletion_protection.enabled,Value=false --load-balancer-arn ${arn}`);
    }
    commands.push(`aws cloudformation delete-stack ${at}`);
    commands.push(`aws cloudformation wait stack-delete-complete ${at}`);
  }
  return commands;
}

/** Approval reasons the removal plan adds to those of the stacks. */
function planReasons(plans) {
  return plans.flatMap((p) => p.collisions.map((c) => `${p.env}/${c.added}: listener-rule priority ${c.priority} ${c.sure ? 'is' : 'may be'} still held by removed ${c.removed}`));
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
    section('TRAFFIC STATE: listener rules and listeners a blue/green kind of deployment rewrites', r.traffic);
    if (details && !r.diff.isEmpty) {
      const { formatDifferences } = loadDiff();
      write('  details (cdk diff):');
      const chunks = [];
      formatDifferences({ write: (c) => { chunks.push(String(c)); return true; } }, r.diff);
      // eslint-disable-next-line no-control-regex
      write(chunks.join('').replace(/\x1b\[[0-9;]*m/g, '').split('\n').map((l) => `    ${l}`).join('\n'));
    }
  }
  const plans = removalPlan(results);
  printRemovals(plans, write);
  const exportPlans = exportPlan(results);
  printExportPlans(exportPlans, write);
  const reasons = [...results.flatMap((r) => r.approvalReasons), ...planReasons(plans),
    ...exportPlans.flatMap((p) => p.importers.map((i) => `${p.env}/${i.stack}: imports exports the new assembly drops; see EXPORTS IN USE for the order`))];
  write();
  if (reasons.length > 0) {
    write(`VERDICT: APPROVAL REQUIRED (exit ${EXIT_APPROVAL})`);
    reasons.forEach((reason) => write(`  - ${reason}`));
    return EXIT_APPROVAL;
  }
  const changed = results.filter((r) => !r.diff.isEmpty).length;
  write(`VERDICT: ROUTINE (exit ${EXIT_ROUTINE}): ${changed === 0 ? 'no changes' : `${changed} stack(s) change, none replaces or removes a long-lived resource, widens access or touches the routes of a traffic-shifting service`}`);
  return EXIT_ROUTINE;
}

function printRemovals(plans, write) {
  if (plans.length === 0) return;
  write();
  write('## REMOVED STACKS: in the baseline, not in the app; still deployed, and cdk destroy cannot select them');
  for (const plan of plans) {
    write(`### environment ${plan.env}: ${plan.entries.length} stack(s) to delete${plan.envRemains ? '' : ' (the environment left the app)'}`);
    for (const e of plan.entries) {
      const protection = e.terminationProtection.length > 0 ? `on (${e.terminationProtection.join(', ')})` : 'off';
      write(`  ${e.stack}: region ${e.region.value} (${e.region.from}), termination protection ${protection}`);
      if (e.protectedLoadBalancers.length > 0) write(`    load balancer deletion protection on: ${e.protectedLoadBalancers.join(', ')} (turned off below)`);
      if (e.retained.length > 0) write(`    kept after delete (DeletionPolicy Retain), delete by hand if unwanted: ${e.retained.join(', ')}`);
    }
    for (const c of plan.collisions) {
      write(`  WARNING: listener-rule priority ${c.priority} ${c.sure ? 'collides' : 'may collide'}: removed ${c.removed} (${c.removedRule}) holds it`
        + `${c.sure ? ` on ${c.listener}` : ' (same listener not provable from the templates)'}; ${c.added} (${c.addedRule}) cannot be deployed until ${c.removed} is deleted.`);
      write(`    Deleting ${c.removed} first takes its routes offline until ${c.added} is up; to avoid the gap, deploy ${c.added} with a free priority, then delete ${c.removed}.`);
    }
    for (const d of plan.droppedExports) {
      write(`  WARNING: the new ${d.exporter} drops export ${d.name}, which removed ${d.removed} imports: CloudFormation refuses that update until ${d.removed} is deleted.`);
    }
    if (plan.envRemains) {
      const deploy = `npx cdk deploy '${plan.env}/*'`;
      write(plan.droppedExports.length > 0 ? `  order: run these commands before ${deploy} (an export it drops is still imported, see WARNING)`
        : plan.collisions.length > 0 ? `  order: run these commands before ${deploy}, or first deploy the new service with a free priority (see WARNING)`
          : `  order: independent of ${deploy}; for a rename, deploy first so the new service serves before the old one goes`);
    }
    if (plan.entries.some((e) => e.region.value === PLACEHOLDER_REGION)) write(`  replace ${PLACEHOLDER_REGION} with the region the stacks are deployed in`);
    write('  commands, in order (service stacks before the platform stack):');
    plan.commands.forEach((c) => write(`    ${c}`));
  }
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
      process.stdout.write(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 26).map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
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

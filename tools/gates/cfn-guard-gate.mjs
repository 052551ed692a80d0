#!/usr/bin/env node
// cfn-guard gate: runs the AWS Control Tower proactive-control rules bundled in
// @cdklabs/cdk-validator-cfnguard (cfn-guard binary + rules, version pinned in package.json) over every
// template of every environment in a cdk.out directory, minus the rules tools/gates/cfn-guard-disabled.json
// disables for that environment with a reason.
//
//   node tools/gates/cfn-guard-gate.mjs [--cdk-out DIR] [--disabled FILE]
//
// Exit: 0 no failures, 1 failures (each printed with template, logical ID, construct path, rule, fix),
// 2 bad input (no templates, unknown or unreasoned rule in the disabled file), 3 tool missing.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { templatesByEnvironment, constructPath, configSource } from './lib/templates.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const MIN_REASON = 20;

function usage(message) {
  console.error(`cfn-guard gate: ${message}`);
  console.error('usage: node tools/gates/cfn-guard-gate.mjs [--cdk-out DIR] [--disabled FILE]');
  process.exit(2);
}

const args = process.argv.slice(2);
let cdkOut = path.join(root, 'cdk.out');
let disabledFile = path.join(here, 'cfn-guard-disabled.json');
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--cdk-out' && args[i + 1]) cdkOut = path.resolve(args[++i]);
  else if (args[i] === '--disabled' && args[i + 1]) disabledFile = path.resolve(args[++i]);
  else usage(`unknown argument '${args[i]}'`);
}

let CfnGuardValidator;
let rulesDir;
try {
  const require = createRequire(path.join(root, 'package.json'));
  ({ CfnGuardValidator } = require('@cdklabs/cdk-validator-cfnguard'));
  rulesDir = path.join(path.dirname(require.resolve('@cdklabs/cdk-validator-cfnguard/package.json')), 'rules/control-tower/cfn-guard');
} catch {
  console.error('cfn-guard gate: @cdklabs/cdk-validator-cfnguard is not installed. Run tools/gates/install (or npm ci); it needs Node.js 18+ with npm.');
  process.exit(3);
}

// Control Tower ID (CT.S3.PR.10) <-> rule file (ct-s3-pr-10.guard) <-> guard rule name (s3_..._check).
const ruleFiles = new Map(); // file stem -> { file, control, ruleName }
const byRuleName = new Map();
(function scan(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) scan(full);
    else if (entry.name.endsWith('.guard')) {
      const stem = entry.name.slice(0, -'.guard'.length);
      const text = fs.readFileSync(full, 'utf8');
      const ruleName = /^rule\s+(\w+)\s+when\s+is_cfn_template/m.exec(text)?.[1];
      const info = { file: path.relative(root, full), control: stem.toUpperCase().replace(/-/g, '.'), ruleName };
      ruleFiles.set(stem, info);
      if (ruleName) byRuleName.set(ruleName, info);
    }
  }
})(rulesDir);

const controlToStem = (control) => control.toLowerCase().replace(/\./g, '-');

let disabledConfig;
try {
  disabledConfig = JSON.parse(fs.readFileSync(disabledFile, 'utf8')).environments ?? {};
} catch (e) {
  usage(`cannot read ${path.relative(process.cwd(), disabledFile)}: ${e.message}`);
}
const configProblems = [];
for (const [env, rules] of Object.entries(disabledConfig)) {
  for (const [control, reason] of Object.entries(rules)) {
    if (!ruleFiles.has(controlToStem(control))) configProblems.push(`${env}: ${control} is not a Control Tower rule in this package version`);
    if (typeof reason !== 'string' || reason.trim().length < MIN_REASON) configProblems.push(`${env}: ${control} needs a reason of at least ${MIN_REASON} characters`);
  }
}
if (configProblems.length > 0) {
  configProblems.forEach((p) => console.error(`cfn-guard gate: ${path.relative(process.cwd(), disabledFile)}: ${p}`));
  process.exit(2);
}

if (!fs.existsSync(cdkOut)) usage(`${cdkOut} does not exist; synthesize first (see docs/gates.md)`);
const environments = templatesByEnvironment(cdkOut);
if (environments.size === 0) usage(`no *.template.json under ${cdkOut}; synthesize first (see docs/gates.md)`);
for (const env of Object.keys(disabledConfig)) {
  if (!environments.has(env)) console.log(`cfn-guard gate: note: ${path.basename(disabledFile)} lists environment '${env}', which ${cdkOut} does not have`);
}

// A reasoned exception for one container of one task definition (e.g. the root init container that prepares
// writable volumes, WritableVolumes.java) sits in the resource's own template metadata:
//   "Metadata": { "ecsplatform:guardExceptions": [{ "control": "CT.ECS.PR.3", "container": "<name>", "reason": "..." }] }
// A finding is excepted only when every location it reports is inside a container the exception names, so the
// same rule still fails on any other container of the same task definition.
// An exception without "container" covers that one resource (e.g. CT.ECS.PR.9 on an ECS service whose environment
// has no NAT, FargateCompute.java). It is never honoured in prod: there the rule must hold for every resource.
const EXCEPTIONS_KEY = 'ecsplatform:guardExceptions';
const RESOURCE_EXCEPTIONS_REFUSED_IN = new Set(['prod']);
const templateCache = new Map();
function exceptionFor(env, control, templatePath, logicalId, locations) {
  if (!logicalId) return undefined;
  if (!templateCache.has(templatePath)) templateCache.set(templatePath, JSON.parse(fs.readFileSync(templatePath, 'utf8')));
  const resource = templateCache.get(templatePath).Resources?.[logicalId];
  const exceptions = (resource?.Metadata?.[EXCEPTIONS_KEY] ?? []).filter((e) => e.control === control
    && typeof e.reason === 'string' && e.reason.trim().length >= MIN_REASON);
  if (exceptions.length === 0 || locations.length === 0) return undefined;
  const wholeResource = exceptions.find((e) => e.container === undefined);
  if (wholeResource) return RESOURCE_EXCEPTIONS_REFUSED_IN.has(env) ? undefined : wholeResource;
  const containers = resource.Properties?.ContainerDefinitions ?? [];
  const prefix = `/Resources/${logicalId}/Properties/ContainerDefinitions/`;
  let matched;
  for (const location of locations) {
    if (!location.startsWith(prefix)) return undefined;
    const name = containers[Number(location.slice(prefix.length).split('/')[0])]?.Name;
    matched = exceptions.find((e) => e.container === name);
    if (!matched) return undefined;
  }
  return matched;
}

let failures = 0;
let excepted = 0;
let templates = 0;
for (const [env, templatePaths] of environments) {
  const disabled = Object.keys(disabledConfig[env] ?? {});
  const disabledStems = disabled.map(controlToStem);
  const validator = new CfnGuardValidator({ disabledRules: disabledStems });
  let report;
  try {
    report = validator.validate({ templatePaths });
  } catch (e) {
    console.error(`cfn-guard gate: cfn-guard could not run on ${env}: ${e.message}`);
    process.exit(3);
  }
  templates += templatePaths.length;
  const ran = ruleFiles.size - disabled.length;
  const findings = [];
  const exceptedHere = [];
  for (const violation of report.violations) {
    const info = byRuleName.get(violation.ruleName);
    for (const resource of violation.violatingResources) {
      const logicalId = resource.resourceLogicalId && resource.resourceLogicalId !== 'undefined' ? resource.resourceLogicalId : undefined;
      const exception = exceptionFor(env, info?.control, resource.templatePath, logicalId, [...new Set(resource.locations ?? [])]);
      if (exception) exceptedHere.push({ info, resource, logicalId, exception });
      else findings.push({ violation, info, resource });
    }
  }
  for (const { info, resource, logicalId, exception } of exceptedHere) {
    excepted++;
    const what = exception.container === undefined ? 'resource' : `container '${exception.container}' of`;
    console.log(`EXCEPTED ${info.control} for ${what} ${constructPath(resource.templatePath, logicalId)}: ${exception.reason}`);
  }
  console.log(`cfn-guard [${env}] ${templatePaths.length} templates, ${ran} rules run, ${disabled.length} disabled: ${findings.length === 0 ? 'PASS' : `${findings.length} FAILURE(S)`}`);
  for (const { violation, info, resource } of findings) {
    failures++;
    const logicalId = resource.resourceLogicalId && resource.resourceLogicalId !== 'undefined' ? resource.resourceLogicalId : undefined;
    const control = info?.control ?? '?';
    const source = configSource(resource.templatePath, constructPath(resource.templatePath, logicalId));
    console.log([
      `FAIL ${control} (${violation.ruleName})`,
      `  template:       ${path.relative(process.cwd(), resource.templatePath)}`,
      `  logical ID:     ${logicalId ?? '(template level)'}`,
      `  construct path: ${constructPath(resource.templatePath, logicalId)}`,
      ...(source ? [`  config:         ${source}`] : []),
      `  at:             ${[...new Set(resource.locations)].join(', ')}`,
      `  rule:           ${violation.description}`,
      `  how to fix:     ${violation.fix}`,
      `                  If the control does not apply to '${env}', disable ${control} for '${env}' in ${path.relative(root, disabledFile)} with the reason.`,
      `  rule source:    ${info?.file ?? violation.ruleName}`,
    ].join('\n'));
  }
}
console.log(`cfn-guard: ${templates} templates in ${environments.size} environments, ${ruleFiles.size} Control Tower rules available, ${excepted} exception(s): ${failures === 0 ? 'PASS' : `${failures} FAILURE(S)`}`);
process.exit(failures === 0 ? 0 : 1);

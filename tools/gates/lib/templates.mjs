// Shared by the gates and the review report: where the templates of a cloud assembly are, which stack
// each one is, and which construct made a resource.
import fs from 'node:fs';
import path from 'node:path';

/**
 * The templates of a cdk.out directory, grouped by environment: cdk.out/assembly-<env>/*.template.json
 * (one Stage per environment). Templates at the top level (stacks outside any stage) go under '(app)'.
 */
export function templatesByEnvironment(cdkOut) {
  const result = new Map();
  const add = (env, dir) => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.template.json')).sort();
    if (files.length > 0) result.set(env, files.map((f) => path.join(dir, f)));
  };
  add('(app)', cdkOut);
  for (const entry of fs.readdirSync(cdkOut, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name.startsWith('assembly-')) {
      add(entry.name.slice('assembly-'.length), path.join(cdkOut, entry.name));
    }
  }
  return new Map([...result.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** The CloudFormation stack name of a template, from its assembly's manifest.json (file name otherwise). */
export function stackName(templatePath) {
  const file = path.basename(templatePath);
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(path.dirname(templatePath), 'manifest.json'), 'utf8'));
    for (const artifact of Object.values(manifest.artifacts ?? {})) {
      if (artifact.type === 'aws:cloudformation:stack' && artifact.properties?.templateFile === file) {
        return artifact.properties.stackName ?? artifact.displayName ?? file;
      }
    }
  } catch {
    // no manifest: a template copied on its own
  }
  return file.replace(/\.template\.json$/, '');
}

const logicalIdPaths = new Map();

function pathsOf(templatePath) {
  if (logicalIdPaths.has(templatePath)) return logicalIdPaths.get(templatePath);
  const paths = new Map();
  // 1. Metadata aws:cdk:path on each resource (written when path metadata is on, as under the CDK CLI).
  try {
    const template = JSON.parse(fs.readFileSync(templatePath, 'utf8'));
    for (const [id, resource] of Object.entries(template.Resources ?? {})) {
      const p = resource?.Metadata?.['aws:cdk:path'];
      if (p) paths.set(id, p);
    }
  } catch {
    // unreadable template: the gate that read it reports that
  }
  // 2. The stack's <artifact>.metadata.json (always written): construct path -> aws:cdk:logicalId.
  const metadataFile = templatePath.replace(/\.template\.json$/, '.metadata.json');
  if (fs.existsSync(metadataFile)) {
    try {
      for (const [constructPath, entries] of Object.entries(JSON.parse(fs.readFileSync(metadataFile, 'utf8')))) {
        for (const entry of entries) {
          if (entry.type === 'aws:cdk:logicalId' && !paths.has(entry.data)) paths.set(entry.data, constructPath.replace(/^\//, ''));
        }
      }
    } catch {
      // ignore: fall back to the message below
    }
  }
  logicalIdPaths.set(templatePath, paths);
  return paths;
}

/** The construct path CDK recorded for a resource, or a note saying why there is none. */
export function constructPath(templatePath, logicalId) {
  if (!logicalId) return '(template level)';
  return pathsOf(templatePath).get(logicalId) ?? '(no construct path recorded for this logical ID)';
}

const configSources = new Map();

/**
 * Which part of the environment files made the construct at `constructPath`: the app records it as
 * construct metadata of type `ecsplatform:config` (ConfigSources.java), which the stack's
 * `<artifact>.metadata.json` keeps under the construct's path; the nearest recorded ancestor wins.
 * Undefined when nothing is recorded (a template from elsewhere).
 */
export function configSource(templatePath, constructPath) {
  if (!constructPath || constructPath.startsWith('(')) return undefined;
  if (!configSources.has(templatePath)) {
    const sources = new Map();
    const metadataFile = templatePath.replace(/\.template\.json$/, '.metadata.json');
    try {
      for (const [p, entries] of Object.entries(JSON.parse(fs.readFileSync(metadataFile, 'utf8')))) {
        for (const entry of entries) {
          if (entry.type === 'ecsplatform:config') sources.set(p.replace(/^\//, ''), String(entry.data));
        }
      }
    } catch {
      // no metadata file: a template copied on its own
    }
    configSources.set(templatePath, sources);
  }
  const sources = configSources.get(templatePath);
  for (let p = constructPath; p; p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') {
    if (sources.has(p)) return sources.get(p);
  }
  return undefined;
}

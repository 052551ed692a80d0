"""cfn-lint gate: lints every template of every environment in a cdk.out directory with the pinned
cfn-lint (tools/gates/requirements.txt), errors, warnings and informational rules included, minus the
rules tools/gates/cfn-lint-ignores.json ignores with a reason.

    .venv-gates/bin/python tools/gates/cfn_lint_gate.py [--cdk-out DIR] [--ignores FILE]

Exit: 0 clean, 1 findings (each printed with template, logical ID, construct path, rule, fix),
2 bad input (no templates, unreasoned ignore), 3 cfn-lint itself failed.
"""
import argparse
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MIN_REASON = 20


def stack_metadata(template_path, entry_type):
    """(construct path, data) of every entry of entry_type in the stack's <artifact>.metadata.json."""
    metadata_file = template_path[: -len(".template.json")] + ".metadata.json"
    if not os.path.exists(metadata_file):
        return []
    try:
        with open(metadata_file, encoding="utf-8") as f:
            return [(construct_path.lstrip("/"), entry.get("data"))
                    for construct_path, entries in json.load(f).items()
                    for entry in entries if entry.get("type") == entry_type]
    except (OSError, ValueError):
        return []


def config_sources(template_path):
    """Construct path -> the environment-file part it was made from (ecsplatform:config metadata, ConfigSources.java)."""
    return {construct_path: str(data) for construct_path, data in stack_metadata(template_path, "ecsplatform:config")}


def config_source(sources, construct_path):
    """The source recorded on construct_path or its nearest ancestor, or None."""
    path = construct_path
    while path:
        if path in sources:
            return sources[path]
        path = path.rpartition("/")[0]
    return None


def construct_paths(template_path):
    """Logical ID -> construct path, from Metadata aws:cdk:path or else the stack's .metadata.json."""
    paths = {}
    try:
        with open(template_path, encoding="utf-8") as f:
            for logical_id, resource in (json.load(f).get("Resources") or {}).items():
                path = ((resource or {}).get("Metadata") or {}).get("aws:cdk:path")
                if path:
                    paths[logical_id] = path
    except (OSError, ValueError, AttributeError):
        pass
    for construct_path, logical_id in stack_metadata(template_path, "aws:cdk:logicalId"):
        paths.setdefault(logical_id, construct_path)
    return paths


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cdk-out", default=os.path.join(ROOT, "cdk.out"))
    parser.add_argument("--ignores", default=os.path.join(HERE, "cfn-lint-ignores.json"))
    args = parser.parse_args()
    ignores_rel = os.path.relpath(args.ignores)

    try:
        with open(args.ignores, encoding="utf-8") as f:
            ignores = json.load(f).get("ignoreChecks", {})
    except (OSError, ValueError) as e:
        print(f"cfn-lint gate: cannot read {ignores_rel}: {e}", file=sys.stderr)
        return 2
    bad = [rule for rule, reason in ignores.items() if not isinstance(reason, str) or len(reason.strip()) < MIN_REASON]
    if bad:
        for rule in bad:
            print(f"cfn-lint gate: {ignores_rel}: {rule} needs a reason of at least {MIN_REASON} characters", file=sys.stderr)
        return 2

    templates = sorted(glob.glob(os.path.join(args.cdk_out, "*.template.json"))
                       + glob.glob(os.path.join(args.cdk_out, "assembly-*", "*.template.json")))
    if not templates:
        print(f"cfn-lint gate: no *.template.json under {args.cdk_out}; synthesize first (see docs/gates.md)", file=sys.stderr)
        return 2

    command = [os.path.join(os.path.dirname(sys.executable), "cfn-lint"), "--format", "json",
               "--include-checks", "I"]
    if ignores:
        command += ["--ignore-checks", *sorted(ignores)]
    command += ["--", *templates]
    result = subprocess.run(command, capture_output=True, text=True)
    try:
        matches = json.loads(result.stdout) if result.stdout.strip() else []
    except ValueError:
        matches = None
    # cfn-lint's exit code is a bit mask of 2 (error), 4 (warning), 8 (informational); anything else,
    # or output that is not JSON, means cfn-lint itself failed.
    if matches is None or result.returncode & ~(2 | 4 | 8):
        sys.stderr.write(result.stderr)
        print(f"cfn-lint gate: cfn-lint failed (exit {result.returncode})", file=sys.stderr)
        return 3

    version = subprocess.run(command[:1] + ["--version"], capture_output=True, text=True).stdout.strip()
    by_env = {}
    for template in templates:
        env = os.path.basename(os.path.dirname(template))
        env = env[len("assembly-"):] if env.startswith("assembly-") else "(app)"
        by_env.setdefault(env, []).append(template)
    abs_matches = {}
    for match in matches:
        abs_matches.setdefault(os.path.abspath(match["Filename"]), []).append(match)

    paths_cache = {}
    sources_cache = {}
    total = 0
    for env, env_templates in sorted(by_env.items()):
        env_matches = [m for t in env_templates for m in abs_matches.get(os.path.abspath(t), [])]
        status = "PASS" if not env_matches else f"{len(env_matches)} FINDING(S)"
        print(f"cfn-lint [{env}] {len(env_templates)} templates: {status}")
        for match in env_matches:
            total += 1
            template = match["Filename"]
            location = match.get("Location") or {}
            path = location.get("Path") or []
            logical_id = path[1] if len(path) > 1 and path[0] == "Resources" else None
            if template not in paths_cache:
                paths_cache[template] = construct_paths(template)
            construct = paths_cache[template].get(logical_id, "(no construct path recorded)") if logical_id else "(template level)"
            if template not in sources_cache:
                sources_cache[template] = config_sources(template)
            source = config_source(sources_cache[template], construct) if not construct.startswith("(") else None
            rule = match["Rule"]
            line = (location.get("Start") or {}).get("LineNumber")
            print("\n".join([
                f"{match['Level'].upper()} {rule['Id']} {rule.get('ShortDescription', '')}",
                f"  template:       {os.path.relpath(template)}" + (f":{line}" if line else ""),
                f"  logical ID:     {logical_id or '(template level)'}",
                f"  construct path: {construct}",
                *([f"  config:         {source}"] if source else []),
                f"  at:             {'/'.join(str(p) for p in path)}",
                f"  finding:        {match['Message']}",
                f"  how to fix:     {rule.get('Description', '').rstrip('.')}. See {rule.get('Source', 'the cfn-lint rule docs')}",
                f"                  If the rule does not apply, add {rule['Id']} to {ignores_rel} with the reason.",
            ]))
    print(f"cfn-lint: {version}, {len(templates)} templates in {len(by_env)} environments, errors+warnings+informational, "
          f"{len(ignores)} rules ignored ({', '.join(sorted(ignores)) or 'none'}): "
          + ("PASS" if total == 0 else f"{total} FINDING(S)"))
    return 0 if total == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

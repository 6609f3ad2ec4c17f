// A small argv parser: the CLI has a handful of options, not worth a dependency.

export interface ParsedArgs {
  positional: string[];
  values: Map<string, string>;
  multi: Map<string, string[]>;
  flags: Set<string>;
}

export interface ArgSpec {
  /** Options that take a value and may repeat. */
  multi: string[];
  /** Options that take one value. */
  values: string[];
  /** Options without a value. */
  flags: string[];
  /** Options whose value is optional and only given inline (`--fix` or `--fix=values,citations`); a bare one gets ''. */
  optional?: string[];
  /** Single-letter aliases (`-V` → `version`). */
  short?: Record<string, string>;
}

export function parseArgs(argv: string[], spec: ArgSpec): ParsedArgs | { error: string } {
  const out: ParsedArgs = { positional: [], values: new Map(), multi: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.positional.push(...argv.slice(i + 1));
      break;
    }
    if (/^-[A-Za-z]$/.test(arg) && spec.short?.[arg[1]!]) {
      const name = spec.short[arg[1]!]!;
      if (spec.flags.includes(name)) {
        out.flags.add(name);
        continue;
      }
      const value = argv[++i];
      if (value === undefined) return { error: `${arg} needs a value` };
      if (spec.multi.includes(name)) out.multi.set(name, [...(out.multi.get(name) ?? []), value]);
      else out.values.set(name, value);
      continue;
    }
    // `-` alone is a file name (standard input), as is anything not starting with `--`.
    if (!arg.startsWith('--')) {
      if (arg.startsWith('-') && arg !== '-') return { error: `unknown option ${arg}` };
      out.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    if (spec.optional?.includes(name)) {
      out.values.set(name, inline ?? '');
      continue;
    }
    if (spec.flags.includes(name)) {
      if (inline !== undefined) return { error: `--${name} takes no value` };
      out.flags.add(name);
      continue;
    }
    if (!spec.values.includes(name) && !spec.multi.includes(name)) return { error: `unknown option --${name}` };
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) return { error: `--${name} needs a value` };
    if (spec.multi.includes(name)) out.multi.set(name, [...(out.multi.get(name) ?? []), value]);
    else out.values.set(name, value);
  }
  return out;
}

/**
 * Tiny argument parser and error types for the command line.
 *
 * Owns: the exit-code contract — 0 success, 1 bad input (one-line message, no stack trace),
 * 2 usage error. Commands throw InputError or UsageError; main.ts turns them into exit codes.
 */

export class UsageError extends Error {
  override name = 'UsageError';
}

export class InputError extends Error {
  override name = 'InputError';
}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/** Splits `--name value`, `--name=value` and bare `--flag` from positional arguments. */
export function parseArgs(argv: string[], booleanFlags: readonly string[] = []): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (inline !== undefined) flags.set(name, inline);
    else if (booleanFlags.includes(name)) flags.set(name, true);
    else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--'))
        throw new UsageError(`--${name} needs a value`);
      flags.set(name, next);
      i++;
    }
  }
  return { positional, flags };
}

/** Reads a string flag, rejecting values outside `allowed` when given. */
export function getFlag(
  args: ParsedArgs,
  name: string,
  allowed?: readonly string[],
): string | undefined {
  const value = args.flags.get(name);
  if (value === undefined) return undefined;
  if (value === true) throw new UsageError(`--${name} needs a value`);
  if (allowed && !allowed.includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value;
}

/** Rejects flags a command does not know, so typos do not pass silently. */
export function assertKnownFlags(args: ParsedArgs, known: readonly string[]): void {
  for (const name of args.flags.keys()) {
    if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
  }
}

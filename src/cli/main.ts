/**
 * Warmth Lab command line: a thin shell over src/core.
 *
 * Each command lives in commands/<name>.ts and exports `run(argv, io)`; stdout carries only the
 * command's output so `--json` can be piped. Exit codes: 0 ok, 1 bad input, 2 usage.
 */
import { InputError, UsageError } from './args';
import type { CliIo } from './io';
import { createNodeIo } from './io';

const COMMANDS: Record<
  string,
  () => Promise<{ run: (argv: string[], io: CliIo) => Promise<void> }>
> = {
  inspect: () => import('./commands/inspect'),
  compose: () => import('./commands/compose'),
  grade: () => import('./commands/grade'),
  analyze: () => import('./commands/analyze'),
};

const USAGE = `usage: warmth-lab COMMAND [options]
  inspect FILE [--json]                     detect a question file's format and validate it
  compose --item ID [--context C] [--belief B] [--variant N] [--hedged] [--lead-in]
                                            print a composed prompt from the built-in bank
  grade FILE [--mode paper|strict] [--json] grade a table of model outputs
        [--questions QFILE|bank] [--convention correct|truthful] [--no-twins]
  analyze FILE [--mode paper|strict] --json paired tests and GLMs on a long results table`;

/** Runs one command line and returns the process exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const load = name ? COMMANDS[name] : undefined;
  if (!load) {
    io.stderr(name ? `unknown command "${name}"\n${USAGE}` : USAGE);
    return 2;
  }
  try {
    const command = await load();
    await command.run(rest, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${name}: ${error.message}\n${USAGE}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`${name}: ${message.split('\n')[0]}`);
    return error instanceof InputError ? 1 : 1;
  }
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain || process.env.WARMTH_LAB_CLI === '1') {
  runCli(process.argv.slice(2), createNodeIo()).then((code) => {
    process.exitCode = code;
  });
}

/**
 * Warmth Lab command line: a thin shell over src/core.
 *
 * Each command lives in commands/<name>.ts and exports `run(argv, io)`; stdout carries only the
 * command's output so `--json` can be piped. Exit codes: 0 ok (help and --version too), 1 bad
 * input, 2 usage. Everything printed goes through `safeIo`, so text read from a file (a model
 * name, an item) can never drive the terminal with control characters.
 */
import { isMainThread } from 'node:worker_threads';
import { InputError, UsageError } from './args';
import type { CliIo } from './io';
import { createNodeIo, readVersion, safeIo } from './io';
import { runAsReadWorker } from './parallelRead';
import { COMMAND_USAGE, commandUsage, overviewUsage } from './usage';

const COMMANDS: Record<
  string,
  () => Promise<{ run: (argv: string[], io: CliIo) => Promise<void> }>
> = {
  inspect: () => import('./commands/inspect'),
  compose: () => import('./commands/compose'),
  grade: () => import('./commands/grade'),
  analyze: () => import('./commands/analyze'),
};

const HELP_FLAGS = ['--help', '-h'];

/** Help and version requests, answered without running a command; null for anything else. */
function answerMeta(argv: string[]): string | null {
  const [name, ...rest] = argv;
  if (name === undefined || HELP_FLAGS.includes(name)) return name ? overviewUsage() : null;
  if (name === '--version') return readVersion();
  if (name === 'help')
    return rest[0] && COMMAND_USAGE[rest[0]] ? commandUsage(rest[0]) : overviewUsage();
  if (COMMAND_USAGE[name] && rest.some((arg) => HELP_FLAGS.includes(arg)))
    return commandUsage(name);
  return null;
}

async function runCommand(name: string, rest: string[], io: CliIo): Promise<number> {
  const load = COMMANDS[name] as NonNullable<(typeof COMMANDS)[string]>;
  try {
    const command = await load();
    await command.run(rest, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${name}: ${error.message}\n${commandUsage(name)}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`${name}: ${message.split('\n')[0]}`);
    return error instanceof InputError ? 1 : 1;
  }
}

/** Runs one command line and returns the process exit code. */
export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  const io = safeIo(rawIo, { isJson: argv.includes('--json') });
  const meta = answerMeta(argv);
  if (meta !== null) {
    io.stdout(meta);
    return 0;
  }
  const [name, ...rest] = argv;
  if (!name || !COMMANDS[name]) {
    io.stderr(name ? `unknown command "${name}"\n${overviewUsage()}` : overviewUsage());
    return 2;
  }
  return runCommand(name, rest, io);
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
// The bundle (build/cli/warmth-lab.mjs) can start itself as a worker thread; under tsx it cannot.
const isBundle = import.meta.url.endsWith('.mjs');
if (runAsReadWorker()) {
  // This thread reads half of a results file for the main thread (parallelRead.ts).
} else if (isMainThread && (isMain || process.env.WARMTH_LAB_CLI === '1')) {
  const io = createNodeIo(isBundle ? { workerEntry: new URL(import.meta.url) } : {});
  runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}

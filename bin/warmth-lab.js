#!/usr/bin/env node
// Installed entry point (and `npm run cli`). Runs the prebuilt CLI bundle (`npm run build:cli`,
// also run by `npm install` through `prepare`, writes build/cli/warmth-lab.mjs) in this process
// when it is newer than every source file: no TypeScript compiled and no second process at each
// start. Otherwise — no bundle, or sources edited since — it runs src/cli/main.ts through tsx,
// so a stale bundle can never answer for changed code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../build/cli/warmth-lab.mjs', import.meta.url));
const sources = fileURLToPath(new URL('../src', import.meta.url));

/** Newest modification time (ms) of any file under `dir`. */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const mtime = statSync(`${entry.parentPath ?? entry.path}/${entry.name}`).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

function isBundleFresh() {
  if (!existsSync(bundle)) return false;
  return !existsSync(sources) || statSync(bundle).mtimeMs >= newestMtime(sources);
}

if (isBundleFresh()) {
  // The bundle runs its command line when this variable is set (src/cli/main.ts).
  process.env.WARMTH_LAB_CLI = '1';
  await import(pathToFileURL(bundle).href);
} else {
  const require = createRequire(import.meta.url);
  const result = spawnSync(
    process.execPath,
    [
      require.resolve('tsx/cli'),
      fileURLToPath(new URL('../src/cli/main.ts', import.meta.url)),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit' },
  );
  process.exit(result.status ?? 1);
}

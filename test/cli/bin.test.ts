// The installed entry point runs the CLI (prebuilt bundle when fresh, else tsx) and passes the
// exit code through.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const BIN = 'bin/warmth-lab.js';

describe('bin/warmth-lab.js', () => {
  it('prints the package version and exits 0', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const result = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    expect([result.status, result.stdout.trim()]).toEqual([0, `warmth-lab ${version}`]);
  }, 30_000);

  it('exits 2 on an unknown command', () => {
    const result = spawnSync(process.execPath, [BIN, 'frobnicate'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown command "frobnicate"');
  }, 30_000);
});

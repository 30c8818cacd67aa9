// App-shell size: gzip size of the JavaScript index.html loads at start-up (its entry script and
// modulepreloads), excluding lazily loaded chunks such as the web-llm worker and the charts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Returns the gzip size in kB (1 kB = 1000 bytes) of the start-up JavaScript of a built app. */
export function shellJsGzipKb(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const srcs = new Set();
  for (const match of html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g))
    srcs.add(match[1]);
  let bytes = 0;
  for (const src of srcs) {
    const file = join(distDir, src.replace(/^\.?\//, ''));
    bytes += gzipSync(readFileSync(file), { level: 9 }).length;
  }
  return Math.round(bytes / 10) / 100;
}

/**
 * What the analysis worker does with each request, separate from `self` so tests can drive it.
 *
 * Owns: reading imported Blobs as text (with progress by bytes), dispatching to the importer
 * or the staged analysis, and turning failures into `error` events. Invariant: exactly one
 * final event per request; the switch on `type` ends in a `never` check.
 */
import { analyseInStages } from '../core/stats/analyseResults';
import type { TextFile } from '../core/results/importResults';
import { importFiles } from '../core/results/importResults';
import type { AnalysisEvent, AnalysisRequest, ImportFileInput } from './analysisProtocol';

/** Within one stage, progress events are sent at most this often (ms), except the last. */
const PROGRESS_INTERVAL_MS = 100;

function progressSender(id: number, post: (event: AnalysisEvent) => void) {
  let lastAt = 0;
  let lastStage = '';
  return (stage: string, done: number, total: number): void => {
    const now = Date.now();
    const isDue = done >= total || stage !== lastStage || now - lastAt >= PROGRESS_INTERVAL_MS;
    if (!isDue) return;
    lastAt = now;
    lastStage = stage;
    post({ type: 'progress', id, stage, done, total });
  };
}

async function readTexts(
  files: readonly ImportFileInput[],
  progress: (stage: string, done: number, total: number) => void,
): Promise<TextFile[]> {
  const total = files.reduce((sum, entry) => sum + entry.file.size, 0);
  let done = 0;
  const texts: TextFile[] = [];
  for (const entry of files) {
    progress(`Reading ${entry.path}`, done, total);
    texts.push({ path: entry.path, text: await entry.file.text() });
    done += entry.file.size;
  }
  progress('Files read', total, total);
  return texts;
}

/** Handles one request, posting progress and then exactly one final event. */
export async function handleAnalysisRequest(
  request: AnalysisRequest,
  post: (event: AnalysisEvent) => void,
): Promise<void> {
  const { id } = request;
  const progress = progressSender(id, post);
  try {
    switch (request.type) {
      case 'import': {
        const texts = await readTexts(request.files, progress);
        post({ type: 'imported', id, data: importFiles(texts, progress, request.convention) });
        return;
      }
      case 'analyse':
        post({
          type: 'analysed',
          id,
          outcome: analyseInStages(request.input, request.mode, progress),
        });
        return;
      default: {
        const unknown: never = request;
        throw new Error(`unknown request ${JSON.stringify(unknown)}`);
      }
    }
  } catch (error) {
    const { name, message } =
      error instanceof Error ? error : { name: 'Error', message: String(error) };
    post({ type: 'error', id, error: { name, message } });
  }
}

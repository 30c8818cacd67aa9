/**
 * Web Worker entry for the dashboard's heavy statistics: the warmth GLM (IRLS with
 * cluster-robust SEs), so refitting during a live run never blocks the page.
 *
 * Owns: nothing but the message loop. Invariants: every request gets exactly one reply with
 * its id; errors cross the boundary as { name, message }; message shapes come from
 * core/dashboard/glmJob.ts and the switch ends in a never check.
 */
import type { GlmRequest, GlmResponse } from '../core/dashboard';
import { fitWarmthGlm } from '../core/dashboard';

const scope = self as unknown as {
  postMessage(message: GlmResponse): void;
  onmessage: ((event: MessageEvent<GlmRequest>) => void) | null;
};

scope.onmessage = (event) => {
  const request = event.data;
  switch (request.type) {
    case 'glm':
      try {
        scope.postMessage({
          type: 'glm-result',
          id: request.id,
          result: fitWarmthGlm(request.rows),
        });
      } catch (error) {
        const { name, message } = error instanceof Error ? error : new Error(String(error));
        scope.postMessage({ type: 'error', id: request.id, error: { name, message } });
      }
      return;
    default: {
      const never: never = request.type;
      throw new Error(`unknown stats request ${String(never)}`);
    }
  }
};

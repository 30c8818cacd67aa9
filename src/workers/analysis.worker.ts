/**
 * The results view's Web Worker: imports files and runs the analysis off the main thread, so
 * the page stays responsive while hundreds of thousands of rows are read and models fitted.
 *
 * Owns: the message loop. Invariants: one reply (`imported`, `analysed` or `error`) per
 * request id, preceded by any number of `progress` events; errors cross as `{ name, message }`;
 * cancelling is done by the client terminating this worker.
 */
import { handleAnalysisRequest } from './analysisHandler';
import type { AnalysisEvent, AnalysisRequest } from './analysisProtocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null;
  postMessage: (message: AnalysisEvent) => void;
};

scope.onmessage = (event) => {
  void handleAnalysisRequest(event.data, (message) => scope.postMessage(message));
};

/**
 * Module-worker entry for question imports: parsing a big file here keeps the page responsive
 * (typing, scrolling, the Cancel button) however slow the machine is.
 *
 * Owns: nothing but wiring `handleImportRequest` (questionsImportHandler.ts) to the worker
 * scope. Cancelling terminates the worker from the page, so no cancel message exists.
 */
import { handleImportRequest } from './questionsImportHandler';
import type { ImportWorkerEvent, ImportWorkerRequest } from './questionsImportProtocol';

// The DOM lib types `self` as Window; in a module worker it is the dedicated worker scope.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ImportWorkerRequest>) => void) | null;
  postMessage: (event: ImportWorkerEvent) => void;
};

scope.onmessage = (event) => {
  void handleImportRequest(event.data, (message) => scope.postMessage(message));
};

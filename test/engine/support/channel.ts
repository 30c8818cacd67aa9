/**
 * Connects a `WorkerHandler` and a `WorkerEngine` through a real `MessageChannel` (structured
 * clone included), standing in for the module worker.
 */
import type { EngineEvent, EngineRequest } from '../../../src/engine/protocol';
import { WorkerEngine } from '../../../src/engine/workerEngine';
import type { WorkerPort } from '../../../src/engine/workerEngine';
import { WorkerHandler } from '../../../src/engine/workerHandler';
import type { WebLlmBinding } from '../../../src/engine/workerHandler';

export interface ConnectedEngine {
  engine: WorkerEngine;
  /** Number of workers created (the engine creates them lazily). */
  workersCreated(): number;
  terminations(): number;
  close(): void;
}

export function connectWorkerEngine(binding: WebLlmBinding, cancelGraceMs = 200): ConnectedEngine {
  const channels: MessageChannel[] = [];
  let terminated = 0;
  const createWorker = (): WorkerPort => {
    const channel = new MessageChannel();
    channels.push(channel);
    const handler = new WorkerHandler(binding, (event: EngineEvent) =>
      channel.port2.postMessage(event),
    );
    channel.port2.addEventListener(
      'message',
      (event) => void handler.handle((event as MessageEvent<EngineRequest>).data),
    );
    channel.port2.start();
    channel.port1.start();
    return {
      postMessage: (message) => channel.port1.postMessage(message),
      terminate: () => {
        terminated += 1;
        channel.port1.close();
        channel.port2.close();
      },
      addEventListener: (type, listener) => channel.port1.addEventListener(type, listener),
    };
  };
  const engine = new WorkerEngine({ createWorker, cancelGraceMs });
  return {
    engine,
    workersCreated: () => channels.length,
    terminations: () => terminated,
    close: () => {
      for (const channel of channels) {
        channel.port1.close();
        channel.port2.close();
      }
    },
  };
}

/**
 * A real OpenAI-compatible HTTP server on 127.0.0.1 for engine tests: `GET /v1/models` and
 * streaming (SSE) or JSON `POST /v1/chat/completions`, with switchable failure modes.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { splitIntoPieces } from '../../../src/engine/scriptedEngine';

export interface ServerBehaviour {
  models: string[];
  tokenDelayMs: number;
  reply: (body: ChatBody) => string;
  /** Return [status, body] to fail a chat request. */
  fail?: (body: ChatBody) => [number, string] | null;
  requireKey?: string;
  /** 'sse' (default), 'json' (ignores stream), 'garbage' (non-JSON SSE payload). */
  mode?: 'sse' | 'json' | 'garbage';
  modelsStatus?: number;
}

export interface ChatBody {
  model: string;
  messages: { role: string; content: string }[];
  [key: string]: unknown;
}

export interface TestServer {
  baseUrl: string;
  bodies: ChatBody[];
  headers: http.IncomingHttpHeaders[];
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function startOpenAiServer(behaviour: ServerBehaviour): Promise<TestServer> {
  const bodies: ChatBody[] = [];
  const headers: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((request, response) => {
    headers.push(request.headers);
    if (
      behaviour.requireKey !== undefined &&
      request.headers.authorization !== `Bearer ${behaviour.requireKey}`
    ) {
      return sendJson(response, 401, { error: { message: 'Incorrect API key provided.' } });
    }
    if (request.method === 'GET' && request.url === '/v1/models') {
      if (behaviour.modelsStatus !== undefined)
        return sendJson(response, behaviour.modelsStatus, {});
      return sendJson(response, 200, {
        object: 'list',
        data: behaviour.models.map((id) => ({ id })),
      });
    }
    if (request.method === 'POST' && request.url === '/v1/chat/completions') {
      let raw = '';
      request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      request.on(
        'end',
        () => void answerChat(JSON.parse(raw) as ChatBody, behaviour, bodies, response),
      );
      return;
    }
    sendJson(response, 404, { error: { message: `no route ${request.method} ${request.url}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    bodies,
    headers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function answerChat(
  body: ChatBody,
  behaviour: ServerBehaviour,
  bodies: ChatBody[],
  response: http.ServerResponse,
): Promise<void> {
  bodies.push(body);
  const failure = behaviour.fail?.(body) ?? null;
  if (failure !== null) {
    response.writeHead(failure[0], { 'Content-Type': 'application/json' });
    return void response.end(failure[1]);
  }
  // Like Ollama, a bare name means its ":latest" tag.
  const isKnown = [body.model, `${body.model}:latest`].some((m) => behaviour.models.includes(m));
  if (!isKnown) {
    return sendJson(response, 404, {
      error: { message: `model "${body.model}" not found, try pulling it first` },
    });
  }
  const pieces = splitIntoPieces(behaviour.reply(body));
  if (behaviour.mode === 'json') {
    return sendJson(response, 200, {
      choices: [
        { message: { role: 'assistant', content: pieces.join('') }, finish_reason: 'stop' },
      ],
      usage: { prompt_tokens: 9, completion_tokens: pieces.length },
    });
  }
  response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
  if (behaviour.mode === 'garbage') return void response.end('data: <html>oops</html>\n\n');
  let isClosed = false;
  response.on('close', () => (isClosed = true));
  await streamPieces(pieces, behaviour.tokenDelayMs, response, () => isClosed);
}

async function streamPieces(
  pieces: string[],
  delayMs: number,
  response: http.ServerResponse,
  isClosed: () => boolean,
): Promise<void> {
  const send = (payload: unknown) => response.write(`data: ${JSON.stringify(payload)}\r\n\r\n`);
  for (const piece of pieces) {
    if (isClosed()) return;
    send({ choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] });
    await sleep(delayMs);
  }
  send({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
  // A keep-alive comment and a usage-only chunk, as OpenAI sends with include_usage.
  response.write(': keep-alive\n\n');
  send({ choices: [], usage: { prompt_tokens: 9, completion_tokens: pieces.length } });
  response.end('data: [DONE]\n\n');
}

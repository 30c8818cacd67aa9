import { describe, expect, it } from 'vitest';
import { readSseData } from '../../src/engine/sse';

function streamOf(parts: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const part of parts)
        controller.enqueue(typeof part === 'string' ? encoder.encode(part) : part);
      controller.close();
    },
  });
}

async function collect(parts: (string | Uint8Array)[]): Promise<string[]> {
  const out: string[] = [];
  for await (const payload of readSseData(streamOf(parts))) out.push(payload);
  return out;
}

describe('readSseData', () => {
  const euro = new TextEncoder().encode('data: {"t":"€"}\n\n');
  it.each([
    ['one event per chunk', ['data: a\n\n', 'data: b\n\n'], ['a', 'b']],
    ['events split mid-line', ['da', 'ta: hel', 'lo\n', '\ndata: x\n\n'], ['hello', 'x']],
    ['CRLF line ends and comments', [': ping\r\n\r\ndata: a\r\n\r\n'], ['a']],
    ['multi-line data joined by newline', ['data: a\ndata: b\n\n'], ['a\nb']],
    ['stops at [DONE]', ['data: a\n\ndata: [DONE]\n\ndata: late\n\n'], ['a']],
    ['last event without blank line', ['data: tail'], ['tail']],
    ['ignores event/id fields', ['event: message\nid: 3\ndata: a\n\n'], ['a']],
  ])('%s', async (_label, parts, expected) => {
    expect(await collect(parts)).toEqual(expected);
  });

  it('decodes a UTF-8 character split across chunks', async () => {
    const cut = euro.length - 5;
    expect(await collect([euro.slice(0, cut), euro.slice(cut)])).toEqual(['{"t":"€"}']);
  });
});

/**
 * Server-sent-events parsing for OpenAI-style streaming responses.
 *
 * Owns: splitting a byte stream into `data:` payloads. Invariants: handles chunks split anywhere
 * (mid-line, mid-UTF-8 character), CRLF or LF line ends, comments (`:` lines) and multi-line data;
 * stops at `[DONE]`; yields raw payload strings (JSON parsing is the caller's job).
 */

/** Yields each event's data payload until the stream ends or `[DONE]` arrives. */
export async function* readSseData(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let dataLines: string[] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      const lines = buffer.split(/\r?\n/);
      buffer = done ? '' : (lines.pop() ?? '');
      for (const line of lines) {
        if (line === '') {
          if (dataLines.length > 0) {
            const payload = dataLines.join('\n');
            dataLines = [];
            if (payload.trim() === '[DONE]') return;
            yield payload;
          }
        } else if (line.startsWith('data:')) {
          dataLines.push(line.slice(5).replace(/^ /, ''));
        }
        // Other fields (event:, id:, retry:) and comments are irrelevant for chat streams.
      }
      if (done) break;
    }
    const rest = dataLines.join('\n');
    if (rest !== '' && rest.trim() !== '[DONE]') yield rest;
  } finally {
    // Stop the download when the consumer leaves early ([DONE], abort, or a parse error upstream).
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

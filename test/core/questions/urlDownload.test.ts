import { describe, expect, it } from 'vitest';
import { ImportCancelledError } from '../../../src/core/questions/fileStream';
import {
  downloadAsFile,
  explainFetchFailure,
  fileNameFromUrl,
  isAllowedByPolicy,
  toFetchUrl,
} from '../../../src/core/questions/urlDownload';

const PAGE = 'https://warmth.example';

describe('toFetchUrl', () => {
  it.each([
    [
      'https://github.com/sylinrl/TruthfulQA/blob/main/TruthfulQA.csv',
      'https://raw.githubusercontent.com/sylinrl/TruthfulQA/main/TruthfulQA.csv',
    ],
    [
      '  https://raw.githubusercontent.com/o/r/main/data/q.jsonl ',
      'https://raw.githubusercontent.com/o/r/main/data/q.jsonl',
    ],
    ['http://localhost:8000/q.csv', 'http://localhost:8000/q.csv'],
  ])('%s → %s', (text, expected) => {
    expect(toFetchUrl(text).href).toBe(expected);
  });

  it.each([
    ['not a url', '"not a url" is not a URL'],
    ['ftp://host/q.csv', '"ftp://host/q.csv" is not an http(s) URL'],
  ])('rejects %s', (text, message) => {
    expect(() => toFetchUrl(text)).toThrow(message);
  });
});

describe('fileNameFromUrl', () => {
  it.each([
    ['https://raw.githubusercontent.com/o/r/main/My%20Questions.csv', 'My Questions.csv'],
    ['https://huggingface.co/', 'download'],
  ])('%s → %s', (url, expected) => {
    expect(fileNameFromUrl(new URL(url))).toBe(expected);
  });
});

describe('isAllowedByPolicy', () => {
  it.each([
    ['https://raw.githubusercontent.com/o/r/main/q.csv', true],
    ['https://huggingface.co/datasets/x/resolve/main/q.jsonl', true],
    ['https://cdn-lfs.huggingface.co/file', true],
    ['http://localhost:5173/q.csv', true],
    ['https://warmth.example/q.csv', true],
    ['https://example.com/q.csv', false],
    ['http://raw.githubusercontent.com/q.csv', false],
    ['https://evilhuggingface.co/q.csv', false],
  ])('%s → %s', (url, expected) => {
    expect(isAllowedByPolicy(new URL(url), PAGE)).toBe(expected);
  });
});

describe('explainFetchFailure', () => {
  it('blames the security policy for a host it does not allow', () => {
    const message = explainFetchFailure(
      new URL('https://example.com/q.csv'),
      new TypeError('Failed to fetch'),
      PAGE,
    );
    expect(message).toContain('Could not download https://example.com/q.csv');
    expect(message).toContain('security policy only lets it fetch from raw.githubusercontent.com');
  });

  it('mentions CORS for an allowed host that still fails', () => {
    const message = explainFetchFailure(
      new URL('http://localhost:9/q.csv'),
      new TypeError('Failed to fetch'),
      PAGE,
    );
    expect(message).toContain('(Failed to fetch)');
    expect(message).toContain('cross-origin requests (CORS)');
  });
});

describe('downloadAsFile', () => {
  const url = new URL('https://raw.githubusercontent.com/o/r/main/q.csv');
  const respond = (response: Response) => () => Promise.resolve(response);

  it('downloads into a File named after the path, reporting progress against Content-Length', async () => {
    const seen: number[] = [];
    const file = await downloadAsFile(url, {
      fetch: respond(new Response('a,b\n1,2\n', { headers: { 'content-length': '8' } })),
      onProgress: (p) => seen.push(p.bytesDone / p.totalBytes),
      pageOrigin: PAGE,
    });
    expect(file.name).toBe('q.csv');
    expect(await file.text()).toBe('a,b\n1,2\n');
    expect(seen.at(-1)).toBe(1);
  });

  it('names the HTTP status of a failed response', async () => {
    const fetch404 = respond(new Response('nope', { status: 404, statusText: 'Not Found' }));
    await expect(downloadAsFile(url, { fetch: fetch404, pageOrigin: PAGE })).rejects.toThrow(
      `Could not download ${url.href}: the server answered HTTP 404 Not Found`,
    );
  });

  it('refuses a web page instead of a raw file', async () => {
    const page = respond(
      new Response('<html></html>', { headers: { 'content-type': 'text/html; charset=utf-8' } }),
    );
    await expect(downloadAsFile(url, { fetch: page, pageOrigin: PAGE })).rejects.toThrow(
      'the server sent a web page, not a data file',
    );
  });

  it('explains a network failure and reports a cancel as a cancel', async () => {
    const failing = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(downloadAsFile(url, { fetch: failing, pageOrigin: PAGE })).rejects.toThrow(
      'cross-origin requests (CORS)',
    );
    const controller = new AbortController();
    controller.abort();
    const aborted = downloadAsFile(url, {
      fetch: failing,
      signal: controller.signal,
      pageOrigin: PAGE,
    });
    await expect(aborted).rejects.toBeInstanceOf(ImportCancelledError);
  });
});

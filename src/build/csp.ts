/**
 * Content-Security-Policy for built pages (dev keeps Vite's inline HMR scripts working).
 *
 * Owns: the list of origins the app may talk to, and the three places the policy ships: a
 * <meta> tag in built pages (governs the page only), `preview.headers` for `vite preview`, and
 * `public/_headers` for static hosts that read it (Netlify, Cloudflare Pages). Only a response
 * header governs the web-llm worker, whose downloads are the ones that matter. Invariant: the
 * app itself, the hosts web-llm downloads models and libraries from, and local OpenAI-compatible
 * endpoints — nothing else (no analytics, no telemetry).
 *
 * Custom weights on other hosts are refused up front rather than allowed per user: a policy is
 * fixed when the page is served and a page cannot widen its own, so a host added at run time
 * would fail at download with a misleading "check CORS". Self-hosters add hosts to MODEL_HOSTS
 * and update `public/_headers` (a test compares it with `renderHeadersFile`);
 * docs/bring-your-own-model.md says so.
 */
import type { Plugin } from 'vite';

/** Hosts web-llm 0.2.86 fetches weights, configs and WebGPU libraries from. */
export const MODEL_HOSTS = [
  'https://huggingface.co',
  'https://*.huggingface.co',
  'https://*.hf.co',
  'https://raw.githubusercontent.com',
];

/** Local OpenAI-compatible servers (Ollama, llama.cpp, vLLM) and the OpenAI API. */
export const ENDPOINT_HOSTS = [
  'http://localhost:*',
  'http://127.0.0.1:*',
  'https://api.openai.com',
];

/** The policy text placed in a <meta http-equiv> tag of the built index.html. */
export function buildContentSecurityPolicy(): string {
  const connect = ["'self'", ...MODEL_HOSTS, ...ENDPOINT_HOSTS].join(' ');
  return [
    "default-src 'self'",
    // WebGPU kernels arrive as WebAssembly; web-llm compiles them with WebAssembly.instantiate.
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    `connect-src ${connect} blob: data:`,
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    "manifest-src 'self'",
  ].join('; ');
}

/** The `public/_headers` text (Netlify / Cloudflare Pages syntax) carrying the same policy. */
export function renderHeadersFile(): string {
  return (
    '# Generated from src/build/csp.ts (a test keeps them equal). The meta tag does not govern\n' +
    '# the model worker; this header does, on hosts that read _headers.\n' +
    `/*\n  Content-Security-Policy: ${buildContentSecurityPolicy()}\n`
  );
}

/** Vite plugin: inserts the CSP meta tag in production and test builds only. */
export function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'warmth-lab-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: buildContentSecurityPolicy() },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

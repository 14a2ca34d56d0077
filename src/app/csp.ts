// The Content-Security-Policy, in one place. index.html carries it as a meta tag (vite config
// writes it there), and the dev and preview servers send it as an HTTP header on every response:
// only the header applies to the engine worker's own script, a meta tag does not reach workers.
// Static hosts: send the header too (README, "Security and privacy").

/** What the page (and any worker) may load or contact: itself, nothing else. */
export const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];

/**
 * The directives with the hashes of inline scripts allowed (only the dev server has one: the
 * React refresh preamble; the production build has no inline script at all).
 */
function withScriptHashes(hashes: readonly string[]): string[] {
  if (hashes.length === 0) return [...CSP_DIRECTIVES];
  const extra = hashes.map((h) => `'${h}'`).join(' ');
  return CSP_DIRECTIVES.map((d) => (d.startsWith('script-src ') ? `${d} ${extra}` : d));
}

/** The policy as a meta tag may carry it. */
export function cspMeta(scriptHashes: readonly string[] = []): string {
  return withScriptHashes(scriptHashes).join('; ');
}

/** The policy as an HTTP header: the same, plus what only a header can say. */
export function cspHeader(scriptHashes: readonly string[] = []): string {
  return [...withScriptHashes(scriptHashes), "frame-ancestors 'none'"].join('; ');
}

export const CSP_META = cspMeta();
export const CSP_HEADER = cspHeader();

/** The headers the dev and preview servers send (and a static host should). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP_HEADER,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), bluetooth=()',
};

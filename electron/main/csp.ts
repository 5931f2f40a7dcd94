/**
 * The Content-Security-Policy sent with every app:// response (Electron security checklist §7,
 * "Define a Content Security Policy"). If a bug ever let text from a draft reach the page as HTML,
 * the policy still stops it from running script or fetching anything.
 *
 * - `script-src 'self'`, no 'unsafe-inline' and no 'unsafe-eval': vite emits external module
 *   scripts only (vite.config.ts turns off the inline modulepreload polyfill).
 * - `style-src 'self'` without 'unsafe-inline': React's `style={…}` props are applied through the
 *   CSSOM, which CSP does not govern, and every stylesheet is a built file. A renderer that needs a
 *   `<style>` element or a `style="…"` attribute in markup would have to justify loosening this.
 * - `img-src` allows `data:` for the blank favicon and icons vite inlines.
 * - `connect-src 'self'`: the app talks to nothing but itself (its bridge is IPC, not fetch).
 * - `object-src`, `base-uri` and `form-action` are closed; `frame-ancestors 'self'`.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

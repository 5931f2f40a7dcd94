import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The renderer build. `base: './'` keeps every asset URL relative, so the same dist/renderer
 * works from Electron's app:// protocol and from the loopback server of `npm run dev:web`.
 */
export default defineConfig({
  root: here('./renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill would be an inline script, which the app's CSP refuses; Chromium needs none.
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    // One chunk on purpose: the app loads from the local disk, and splitting would only add requests.
    chunkSizeWarningLimit: 1500,
  },
});

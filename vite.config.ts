import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Lists the app's chunk, which the entry imports the moment it runs (renderer/main.tsx), and the
 * chunks it needs as modulepreload links in index.html: they download beside the entry instead of
 * after it has run.
 */
function preloadAppChunk(): Plugin {
  return {
    name: 'nianbao:preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle = {} }) {
        const app = Object.values(bundle).find(
          (c) =>
            c.type === 'chunk' && c.isDynamicEntry && c.facadeModuleId?.endsWith('/renderer/app/mount.tsx'),
        );
        if (app?.type !== 'chunk') throw new Error('renderer/app/mount.tsx is no longer a chunk of its own');
        return [app.fileName, ...app.imports]
          .filter((file) => bundle[file]?.type === 'chunk' && !bundle[file].isEntry)
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

/**
 * The renderer build. `base: './'` keeps every asset URL relative, so the same dist/renderer
 * works from Electron's app:// protocol and from the loopback server of `npm run dev:web`.
 */
export default defineConfig({
  root: here('./renderer'),
  base: './',
  plugins: [react(), preloadAppChunk()],
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill would be an inline script, which the app's CSP refuses; Chromium needs none.
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1500,
  },
});

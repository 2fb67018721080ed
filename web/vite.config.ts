import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { smaRecordPlugin } from './record-plugin.js';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

// Root is web/; the app also imports shared pure code from ../src (i18n formats, engine).
export default defineConfig({
  root: webRoot,
  base: './',
  plugins: [react(), smaRecordPlugin()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
    // bench/web.ts reads the chunk graph from it to size each page's first render.
    manifest: true,
    // ECharts' core is one lazy chunk (chart-impl); its optional parts split by use (components/chart-setup.ts).
    chunkSizeWarningLimit: 600,
  },
  server: {
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
    proxy: { '/api': { target: 'http://localhost:8080', changeOrigin: true } },
  },
});

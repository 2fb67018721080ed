import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

// Root is web/; the app also imports shared pure code from ../src (i18n formats, engine).
export default defineConfig({
  root: webRoot,
  base: './',
  plugins: [react()],
  resolve: {
    // src/io imports node:fs and node:url for reading files from disk; the browser parses the bundled text instead.
    alias: {
      'node:fs': fileURLToPath(new URL('./src/shims/node-fs.ts', import.meta.url)),
      'node:url': fileURLToPath(new URL('./src/shims/node-url.ts', import.meta.url)),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
    // ECharts is one lazy chunk shared by the chart pages; the shell stays small.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ }] } },
    },
  },
  server: {
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
    proxy: { '/api': { target: 'http://localhost:8080', changeOrigin: true } },
  },
});

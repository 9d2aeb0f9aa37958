import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is served by the HTTP host and loaded from a file by Electron: relative asset
// paths (base './'), no inline scripts and no data: fonts, so the host's strict CSP holds.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
  server: {
    // `npx vite` during development: the API and events come from a running host.
    proxy: { '/api': { target: process.env.CIAO_HOST ?? 'http://127.0.0.1:8420', changeOrigin: true } },
  },
});

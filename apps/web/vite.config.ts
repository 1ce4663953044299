import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA, type ManifestOptions } from 'vite-plugin-pwa';

// The shared package exports its build output, which may not exist yet; the web app compiles it from
// source. Import only types from it here: its contracts pull in zod, which the first-load budget
// cannot afford.
const sharedSource = fileURLToPath(new URL('../../packages/shared/src/', import.meta.url));

/** Makes Lumbung installable on a member's phone. Keep theme_color in step with index.html. */
const manifest: Partial<ManifestOptions> = {
  name: 'Lumbung',
  short_name: 'Lumbung',
  description: 'Koperasi dalam genggaman: simpanan, pinjaman, SHU dan RAT.',
  lang: 'id',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  theme_color: '#14532d',
  background_color: '#f7f5ef',
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    {
      src: '/icons/icon-maskable-512.png',
      sizes: '512x512',
      type: 'image/png',
      purpose: 'maskable',
    },
  ],
};

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@lumbung\/shared$/, replacement: `${sharedSource}index.ts` },
      { find: /^@lumbung\/shared\/(.*)\.js$/, replacement: `${sharedSource}$1.ts` },
    ],
  },
  plugins: [
    react(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      // Registered from src/app/register-service-worker.ts: no inline script, so a strict CSP holds.
      injectRegister: false,
      manifest,
      workbox: {
        // The plugin adds the manifest and its icons itself.
        globPatterns: ['**/*.{js,css,html,svg}'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//],
        // API responses are personal and financial: never cached by the service worker.
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});

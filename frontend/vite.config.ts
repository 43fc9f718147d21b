/// <reference types="vitest/config" />
/*
| Admin console build. Run from the repo root:
|   npm run build:console  → public/ (served by the AdonisJS static middleware at /)
|   npm run test:console   → Vitest (jsdom) over frontend/tests
| Plugin pages live outside this folder (plugins/<id>/ui), hence the @plugins alias
| and server.fs.allow reaching up to the repo root.
*/
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

const frontendDir = fileURLToPath(new URL('.', import.meta.url))
const repoRoot = fileURLToPath(new URL('..', import.meta.url))

export default defineConfig({
  root: frontendDir,
  base: '/',
  // Static files live in src/assets; the built console goes to <repo>/public.
  publicDir: false,
  plugins: [vue()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@plugins': fileURLToPath(new URL('../plugins', import.meta.url)),
    },
  },
  build: {
    // CONSOLE_DIR lets parallel checkouts/servers build into their own folder (default public/).
    outDir: fileURLToPath(new URL(`../${process.env.CONSOLE_DIR ?? 'public'}`, import.meta.url)),
    emptyOutDir: true,
    // Element Plus and its icon set are one large, rarely-changing chunk; split it so
    // page releases do not bust its cache.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'element-plus', test: /node_modules[\\/](element-plus|@element-plus)/ },
            {
              name: 'vue',
              test: /node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3333' },
    fs: { allow: [repoRoot] },
  },
  test: {
    root: repoRoot,
    environment: 'jsdom',
    // Plugins may keep console tests beside their pages.
    include: [
      'frontend/tests/**/*.spec.ts',
      'frontend/src/areas/*/tests/**/*.spec.ts',
      'plugins/*/ui/**/*.spec.ts',
    ],
    setupFiles: ['frontend/tests/setup.ts'],
    // The summary reporter goes last so its line is the last thing printed.
    reporters: ['default', './frontend/tests/summary-reporter.ts'],
    css: false,
    // Inline Element Plus so its form validator (async-validator) loads under
    // Vitest; otherwise every el-form rule silently passes in tests.
    server: { deps: { inline: ['element-plus'] } },
  },
})

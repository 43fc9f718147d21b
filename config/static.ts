import { defineConfig } from '@adonisjs/static'

/* Serves the built console (frontend → public/). Hashed assets are cached for a year. */
const staticServerConfig = defineConfig({
  enabled: true,
  etag: true,
  lastModified: true,
  dotFiles: 'ignore',
  immutable: true,
  maxAge: '365d',
  headers: (path) => (path.endsWith('.html') ? { 'Cache-Control': 'no-cache' } : {}),
})

export default staticServerConfig

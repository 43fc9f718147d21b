import router from '@adonisjs/core/services/router'
import app from '@adonisjs/core/services/app'
import { existsSync } from 'node:fs'

/**
 * Every non-API GET returns the console's index.html so deep links work;
 * an unknown /api path stays a JSON 404. Registered after all other routes.
 */
export function registerSpaFallback() {
  router.get('*', async ({ request, response, i18n }) => {
    if (request.url().startsWith('/api/') || request.url() === '/api') {
      return response.notFound({ message: i18n('http.routeNotFound') })
    }
    const index = app.publicPath('index.html')
    if (!existsSync(index)) {
      return response.status(503).send('The console is not built yet: run `npm run build:console`.')
    }
    response.header('Cache-Control', 'no-cache')
    return response.download(index)
  })
}

/*
| Extension slots (/api/extensions): what other plugins add to a screen or a
| record, for the signed-in user (backend/extensions/, docs/plugins.md).
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const ExtensionsController = () => import('#core/extensions/extensions_controller')

router.get('/api/extensions', [ExtensionsController, 'index']).use(middleware.auth())

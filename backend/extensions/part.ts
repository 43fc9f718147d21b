/*
| Extension slots (/api/extensions): what other plugins add to a screen or a
| record, for the signed-in user (backend/extensions/, docs/plugins.md). Signed-in
| only: each contribution is filtered by its own permission and the caller's scope.
*/
import { definePart } from '#core/plugins/define_part'

const ExtensionsController = () => import('./extensions_controller.js')

export default definePart({
  area: 'extensions',
  prefix: '/api/extensions',
  routes(api) {
    api.signedIn.get('/', [ExtensionsController, 'index'])
  },
})

/*
| grid-layout-plus without its index module: that module injects the library's
| CSS as a runtime <style> element, which the console's Content-Security-Policy
| (style-src-elem 'self', docs/security.md) refuses. The components come from
| their own files and the CSS from grid-layout.css, bundled like any style file.
| On upgrading the library, copy its CSS again.
*/
import './grid-layout.css'

export { default as GridLayout } from 'grid-layout-plus/es/components/grid-layout.vue'
export { default as GridItem } from 'grid-layout-plus/es/components/grid-item.vue'

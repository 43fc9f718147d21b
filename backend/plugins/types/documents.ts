/*
| Handlebars document templates a plugin ships (rendered to PDF by #core/documents/pdf).
*/
import type { Localized } from './common.js'

/**
 * A Handlebars document template (处置预案, notices, legal documents), rendered by
 * `renderPdf({ plugin, template: code, data })` from `#core/documents/pdf`.
 */
export interface DocumentTemplateDefinition {
  code: string
  name: Localized
  /** Path of the .hbs file relative to the plugin folder. `{{x}}` is HTML-escaped. */
  file: string
  /** Print A4 landscape (registers, wide tables); portrait by default. */
  landscape?: boolean
}

/*
| The one guard every ECharts option passes before setOption (EChart.vue,
| plugins' chart wrappers; frontend/tests/security/chart-guard.spec.ts fails when
| a file calls echarts' init without it).
|
| Why: ECharts escapes its default tooltip and string templates ('{b}: {c}'), but
| a *function* formatter's return value is inserted into the tooltip as HTML. An
| org or customer name with markup in it would run script on the home page.
| So, by contract, a tooltip formatter function returns plain TEXT with '\n'
| between lines; this guard escapes what it returns and turns '\n' into <br/>.
| A widget cannot forget to escape, and one that still returns HTML shows its
| tags as text rather than running them.
*/

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text → HTML text: the five characters that can open markup or leave an attribute. */
export const escapeHtml = (text: unknown): string =>
  String(text ?? '').replace(/[&<>"']/g, (c) => HTML_ENTITIES[c])

/** Plain tooltip text (lines separated by '\n') → safe tooltip HTML. */
export const tooltipHtml = (text: unknown): string => escapeHtml(text).replace(/\r?\n/g, '<br/>')

type Formatter = (...args: any[]) => unknown
const GUARDED = Symbol('tooltip-guarded')

function guardFormatter(formatter: Formatter): Formatter {
  if ((formatter as any)[GUARDED]) return formatter
  const guarded = (params: unknown, ticket: unknown, callback?: Formatter) => {
    // The async form hands its HTML to a callback: escape that too.
    const safeCallback = callback
      ? (t: unknown, html: unknown) => callback(t, tooltipHtml(html))
      : undefined
    return tooltipHtml(formatter(params, ticket, safeCallback))
  }
  ;(guarded as any)[GUARDED] = true
  return guarded
}

const isPlain = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype

/**
 * A copy of the option in which every `tooltip.formatter` function (top level,
 * series, data items, legend, axes) returns escaped text. Only plain objects and
 * arrays are copied; gradients and other class instances are passed through.
 */
export function safeOption<T>(option: T, insideTooltip = false): T {
  if (Array.isArray(option)) return option.map((item) => safeOption(item)) as T
  if (!isPlain(option)) return option
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(option)) {
    if (insideTooltip && key === 'formatter' && typeof value === 'function') {
      copy[key] = guardFormatter(value as Formatter)
    } else if (key === 'tooltip' && isPlain(value)) {
      copy[key] = safeOption(value, true)
    } else if (key === 'tooltip' && Array.isArray(value)) {
      copy[key] = value.map((item) => safeOption(item, true))
    } else {
      copy[key] = safeOption(value)
    }
  }
  return copy as T
}

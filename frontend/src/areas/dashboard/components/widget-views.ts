/*
| Widget views (the console half of a dashboard widget), found at build time
| like pages are (router/pages.ts):
|
|   plugins/<id>/ui/widgets/<name>.ts   → view key '<id>/<name>'
|
| A module exports `buildOption(data, locale)` returning an ECharts option, and
| may export `headline(data, locale)` (the big figures above the chart) and
| `isEmpty(data)`. The server's widget registry names the view by this key.
*/
import type { AppLocale } from '@/i18n'

export interface HeadlineFigure {
  label: string
  value: string
  unit?: string
  /** Colour hint for the figure. */
  tone?: 'primary' | 'danger' | 'success' | 'warning'
}

export interface WidgetView {
  buildOption(data: any, locale: AppLocale): Record<string, unknown>
  headline?(data: any, locale: AppLocale): HeadlineFigure[]
  isEmpty?(data: any): boolean
}

export type ViewLoader = () => Promise<unknown>

const VIEW_PATH = /(?:^|\/)plugins\/([^/]+)\/ui\/widgets\/([^/]+)\.ts$/

/** '/plugins/credit-assets/ui/widgets/risk_total.ts' → 'credit-assets/risk_total'. */
export function widgetViewKey(globPath: string): string | null {
  const match = VIEW_PATH.exec(globPath)
  return match ? `${match[1]}/${match[2]}` : null
}

export function buildViewRegistry(glob: Record<string, ViewLoader>): Map<string, ViewLoader> {
  const registry = new Map<string, ViewLoader>()
  for (const [path, loader] of Object.entries(glob)) {
    const key = widgetViewKey(path)
    if (key) registry.set(key, loader)
  }
  return registry
}

/** A loaded module is a view only when it has a buildOption function. */
export function asWidgetView(module: unknown): WidgetView | null {
  const candidate = module as Partial<WidgetView> | null
  return candidate && typeof candidate.buildOption === 'function' ? (candidate as WidgetView) : null
}

export function createViewResolver(registry: Map<string, ViewLoader>) {
  return async function loadView(key: string | null): Promise<WidgetView | null> {
    const loader = key ? registry.get(key) : undefined
    return loader ? asWidgetView(await loader()) : null
  }
}

export const widgetViewRegistry = buildViewRegistry(import.meta.glob('@plugins/*/ui/widgets/*.ts'))
export const loadWidgetView = createViewResolver(widgetViewRegistry)

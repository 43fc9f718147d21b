/*
| The Prometheus text exposition format (version 0.0.4): one HELP and TYPE line
| per metric, then its samples. Label values are escaped as the format says
| (backslash, double quote, newline), so a route or system code can never break
| the scrape.
*/
export type Labels = Record<string, string>

const escapeLabel = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')

function labelText(labels: Labels) {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`)
  return pairs.length ? `{${pairs.join(',')}}` : ''
}

export class PrometheusText {
  #lines: string[] = []

  metric(name: string, type: 'counter' | 'gauge' | 'histogram', help: string) {
    this.#lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`)
    return this
  }

  sample(name: string, labels: Labels, value: number | bigint | string) {
    this.#lines.push(`${name}${labelText(labels)} ${value}`)
    return this
  }

  toString() {
    return this.#lines.join('\n') + '\n'
  }
}

/* 智能风控 (relationship graph) over HTTP. */
import type { RiskControlAdapter } from '../contracts.js'
import { esbCall } from './esb.js'

type Graph = Awaited<ReturnType<RiskControlAdapter['relationshipGraph']>>

export const httpRiskControl: RiskControlAdapter = {
  async relationshipGraph(customerNo) {
    const g = await esbCall<any>('risk-control', 'relationship-graph', { customerNo })
    return {
      nodes: (g?.nodes ?? []).map((n: any): Graph['nodes'][number] => ({
        id: n.id,
        name: n.name,
        kind: n.kind,
      })),
      links: (g?.links ?? []).map((l: any): Graph['links'][number] => ({
        source: l.source,
        target: l.target,
        relation: l.relation,
      })),
    }
  },
}

/*
| What `GET /metrics` reports for this node: HTTP latency histograms, job-queue
| depth (job_runs by status, the same rows 后台任务 shows, so the figure is the
| same whatever the queue driver), the outbox backlog per external system, the
| database pool and the process. Every figure is read at scrape time; nothing
| here writes.
*/
import db from '@adonisjs/lucid/services/db'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { LATENCY_BUCKETS, latencySeries } from './http_latency.js'
import { PrometheusText } from './prometheus_text.js'

// Started once per process: the p99 event-loop delay says when a node is CPU-bound.
const loopDelay = monitorEventLoopDelay({ resolution: 20 })
loopDelay.enable()

function httpHistogram(out: PrometheusText) {
  const name = 'ram_http_request_duration_seconds'
  out.metric(name, 'histogram', 'HTTP request latency by route pattern and status class')
  for (const s of latencySeries()) {
    const base = { method: s.method, route: s.route, status: s.status }
    LATENCY_BUCKETS.forEach((le, i) =>
      out.sample(`${name}_bucket`, { ...base, le: String(le) }, s.buckets[i])
    )
    out.sample(`${name}_bucket`, { ...base, le: '+Inf' }, s.count)
    out.sample(`${name}_sum`, base, s.sumMicros / 1e6)
    out.sample(`${name}_count`, base, s.count)
  }
}

async function jobDepth(out: PrometheusText) {
  const rows = await db
    .from('job_runs')
    .whereIn('status', ['queued', 'running'])
    .groupBy('status')
    .select('status')
    .count('* as total')
  out.metric('ram_jobs', 'gauge', 'Background jobs waiting or running (job_runs)')
  for (const status of ['queued', 'running'])
    out.sample(
      'ram_jobs',
      { status },
      Number(rows.find((r: any) => r.status === status)?.total ?? 0)
    )
}

async function outboxBacklog(out: PrometheusText) {
  const rows = await db
    .from('outbox_messages')
    .whereIn('status', ['pending', 'dead'])
    .groupBy('system_code', 'status')
    .select('system_code', 'status')
    .count('* as total')
  out.metric('ram_outbox_messages', 'gauge', 'Outbox messages not yet delivered, per system')
  for (const row of rows as any[])
    out.sample(
      'ram_outbox_messages',
      { system: row.system_code, status: row.status },
      Number(row.total)
    )
}

function databasePool(out: PrometheusText) {
  const connection = db.connection()
  // Knex's tarn pool; absent only on a client that was never used.
  const pool = (connection.getWriteClient() as any)?.client?.pool
  out.metric('ram_db_pool_connections', 'gauge', 'Database pool connections by state')
  const state = (label: string, read: () => number) =>
    out.sample(
      'ram_db_pool_connections',
      { connection: connection.connectionName, state: label },
      pool ? read() : 0
    )
  state('used', () => pool.numUsed())
  state('free', () => pool.numFree())
  state('pending_acquires', () => pool.numPendingAcquires())
}

function processFigures(out: PrometheusText) {
  const memory = process.memoryUsage()
  out
    .metric('ram_process_resident_memory_bytes', 'gauge', 'Resident memory of this node')
    .sample('ram_process_resident_memory_bytes', {}, memory.rss)
    .metric('ram_process_uptime_seconds', 'gauge', 'Seconds since this node started')
    .sample('ram_process_uptime_seconds', {}, Math.round(process.uptime()))
    .metric(
      'ram_event_loop_delay_p99_seconds',
      'gauge',
      'p99 event-loop delay since the last scrape'
    )
    .sample('ram_event_loop_delay_p99_seconds', {}, loopDelay.percentile(99) / 1e9)
  loopDelay.reset()
}

export async function collectMetrics(): Promise<string> {
  const out = new PrometheusText()
  httpHistogram(out)
  await jobDepth(out)
  await outboxBacklog(out)
  databasePool(out)
  processFigures(out)
  return out.toString()
}

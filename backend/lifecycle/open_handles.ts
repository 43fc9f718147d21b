/*
| What keeps a stopping process alive, for the shutdown deadline's report:
| servers and sockets by address, child processes, timers, and for everything
| created after shutdown began (the usual culprit: a service that started late)
| the app file that created it. The creation tracking is only switched on when
| shutdown begins: an async hook on every promise would cost the running app.
*/
import { createHook } from 'node:async_hooks'
import type { Server, Socket } from 'node:net'

const TRACKED = new Set(['Timeout', 'TCPWRAP', 'TCPSERVERWRAP', 'PIPEWRAP', 'PROCESSWRAP'])
const created = new Map<number, { type: string; where: string; resource: WeakRef<object> }>()
let tracking = false

/** The first frame of app code (backend/, plugins/, bin/, scripts/) in a stack. */
function appFrame(stack: string): string {
  const frames = stack.split('\n').slice(1)
  const app = frames.find(
    (f) => /\/(backend|plugins|bin|scripts)\//.test(f) && !f.includes('/backend/lifecycle/')
  )
  const frame = app ?? frames.find((f) => !f.includes('node:') && !f.includes('/lifecycle/'))
  return (frame ?? 'unknown')
    .trim()
    .replace(/^at /, '')
    .replace(/file:\/\/\S*?\/(?=(backend|plugins|bin|scripts|node_modules)\/)/, '')
}

export function trackNewHandles() {
  if (tracking) return
  tracking = true
  createHook({
    init(asyncId, type, _trigger, resource) {
      if (!TRACKED.has(type)) return
      const stack = { stack: '' }
      Error.captureStackTrace(stack)
      created.set(asyncId, { type, where: appFrame(stack.stack), resource: new WeakRef(resource) })
    },
    destroy(asyncId) {
      created.delete(asyncId)
    },
  }).enable()
}

function whereCreated(handle: object): string {
  const inner = (handle as { _handle?: object })._handle ?? handle
  for (const entry of created.values())
    if (entry.resource.deref() === inner) return `, created after shutdown began at ${entry.where}`
  return ''
}

function address(value: ReturnType<Server['address']> | undefined) {
  return value && typeof value === 'object' ? `${value.address}:${value.port}` : String(value)
}

function describe(handle: any): string | null {
  if (handle === process.stdout || handle === process.stderr || handle === process.stdin)
    return null
  const name = handle?.constructor?.name ?? typeof handle
  if (typeof handle?.listen === 'function' && typeof handle?.address === 'function')
    return `server listening on ${address(handle.address())}`
  if (name === 'Socket' || name === 'TLSSocket') {
    const socket = handle as Socket
    if (!socket.remotePort) return `socket ${socket.localAddress ?? 'pipe'}`
    const server = (socket as any).server as Server | undefined
    return server
      ? `connection ${socket.remoteAddress}:${socket.remotePort} to server ${address(server.address())}`
      : `socket to ${socket.remoteAddress}:${socket.remotePort}`
  }
  if (name === 'ChildProcess') return `child process ${handle.pid} (${handle.spawnfile})`
  return name
}

/** One line per open thing, owners still stopping first. */
export function openHandlesReport(stoppingOwners: string[]): string[] {
  const lines = stoppingOwners.map((owner) => `still stopping: ${owner}`)
  const handles: unknown[] = (process as any)._getActiveHandles?.() ?? []
  for (const handle of handles) {
    const text = describe(handle)
    if (text) lines.push(text + whereCreated(handle as object))
  }
  for (const entry of created.values()) {
    const timer = entry.resource.deref() as NodeJS.Timeout | undefined
    if (entry.type === 'Timeout' && timer?.hasRef() && !(timer as any)._destroyed)
      lines.push(`timer created after shutdown began at ${entry.where}`)
  }
  const counts = new Map<string, number>()
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1)
  lines.push(`active resources: ${[...counts].map(([t, n]) => `${t} ×${n}`).join(', ') || 'none'}`)
  return lines
}

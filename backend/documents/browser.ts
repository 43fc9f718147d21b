/*
| One headless Chromium per process, shared by every PDF (启动一次约 1 秒,
| 一页约 100 毫秒). Debian's /usr/bin/chromium driven by playwright-core — never
| a downloaded browser (STACK-NOTES). Launched on first use, closed again after
| an idle minute so a quiet node holds no browser; a crashed browser is
| relaunched on the next call. Pages run without JavaScript and without
| network: a document is the template's HTML and nothing else.
*/
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'

const EXECUTABLE = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
const LAUNCH_TIMEOUT_MS = 20_000
const IDLE_CLOSE_MS = 60_000
/** Pages rendering at once; more wait their turn instead of starving the node. */
const MAX_PAGES = 4

let browser: Promise<Browser> | null = null
let closeOnShutdown = false
let idleTimer: NodeJS.Timeout | null = null
let busy = 0
const waiting: Array<() => void> = []

function launch(): Promise<Browser> {
  if (!closeOnShutdown) {
    closeOnShutdown = true
    app.terminating(() => closeDocumentBrowser())
  }
  const launching = chromium
    .launch({ executablePath: EXECUTABLE, args: ARGS, timeout: LAUNCH_TIMEOUT_MS })
    .then((b) => {
      b.on('disconnected', () => {
        if (browser === launching) browser = null
      })
      return b
    })
  launching.catch(() => {
    if (browser === launching) browser = null
  })
  return launching
}

async function acquire() {
  if (idleTimer) clearTimeout(idleTimer)
  idleTimer = null
  // A releasing page hands its slot straight to the first waiter, so `busy` never overshoots.
  if (busy >= MAX_PAGES) await new Promise<void>((resolve) => waiting.push(resolve))
  else busy++
}

function release() {
  const next = waiting.shift()
  if (next) return next()
  busy--
  if (busy === 0) {
    idleTimer = setTimeout(() => void closeDocumentBrowser(), IDLE_CLOSE_MS)
    idleTimer.unref()
  }
}

/** Runs `work` with a fresh, isolated browser context (no JS, no network). */
export async function withDocumentPage<T>(
  work: (context: BrowserContext) => Promise<T>
): Promise<T> {
  await acquire()
  let context: BrowserContext | null = null
  try {
    browser ??= launch()
    context = await (await browser).newContext({ javaScriptEnabled: false, offline: true })
    return await work(context)
  } finally {
    await context?.close().catch((error) => logger.warn({ err: error }, 'pdf context close failed'))
    release()
  }
}

/** Closes the shared browser (idle timer, shutdown, tests). */
export async function closeDocumentBrowser() {
  const current = browser
  browser = null
  if (current) await (await current.catch(() => null))?.close().catch(() => {})
}

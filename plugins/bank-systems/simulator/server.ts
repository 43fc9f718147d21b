/*
| 外部系统模拟器: one real HTTP server (node:http, loopback) serving all 13 bank systems under
| `/<system>/…`, so the demo works with no outside system and the tests exercise the real
| connector over real sockets. Answers: the ESB envelope `{ retCode, retMsg, data }`, fen.
|
| Control endpoints (tests, demos of failure):
|   POST|GET /__sim/faults  { system ("*" = all), errorRate, timeoutRate, latencyMs, duplicateDeliveries, hangMs }
|   GET  /__sim/stats    requests per system, faults injected, the postings ledger
|   POST /__sim/reset    knobs off, counters and ledgers emptied, data-platform overrides gone
|   POST /__sim/data-platform/loans  { loanNo, fiveClass?, balanceFen?, overdueDays?, orgCode?, managerNo? }
|   GET  /__sim/approval-flow, POST …/decide|auto|redeliver  授权及流程管理 (approval_flow.ts; directory_desk.ts)
|   POST /__sim/core-banking/transactions  a recovery transaction core banking reports (recovery_feed.ts)
|   GET  /__sim/collection   智能催收: items received (exactly once per key) and records
|   POST|GET /__sim/post-loan/batch  智能贷后 批量检查: { itemFailureRate, perPoll } / stats
|   POST /__sim/warning/alerts  智能预警 (alert_feed.ts); GET /__sim/imaging/metadata  影像平台
| 核心系统 批量记账 POST /core-banking/postings/batch: posting_batch.ts. Other plugins add
| endpoints (and control endpoints) through desks (desks.ts).
*/
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Prng } from '#core/demo/prng'
import { SYSTEM_CODES } from '../systems.js'
import {
  ApprovalDesk,
  approvalControl,
  type ApprovalCallbackConfig,
  type AutoDecision,
} from './approval_flow.js'
import { BankData } from './bank_data.js'
import { badRequest, keyed, notFound, ok, readJson, send, sleep, type Reply } from './replies.js'
import { NO_FAULTS, parseFaults, type Faults } from './faults.js'
import { Ledger } from './ledger.js'
import { RiskLoanFeed, type PlatformOverride } from './risk_loan_feed.js'
import { CardFeed, type CardFeedItem } from './card_feed.js'
import { parseInjected, RecoveryFeed, type InjectedTransaction } from './recovery_feed.js'
import { CollectionDesk } from './collection_desk.js'
import { feedControl } from './feed_control.js'
import { PostLoanBatchDesk } from './post_loan_batch.js'
import { collateralDetail } from './collateral_detail.js'
import { AlertFeed } from './alert_feed.js'
import { ImagingMetadata } from './imaging_metadata.js'
import { DeskSet } from './desks.js'
import { DirectoryDesk } from './directory_desk.js'
import { postingBatch, postingRefusal } from './posting_batch.js'

type LucidDb = typeof import('@adonisjs/lucid/services/db').default

export interface SimulatorOptions {
  /** 0 picks a free port (tests). */
  port?: number
  host?: string
  /** The app's Lucid db service; read per request so a test's global transaction is seen. */
  db?: LucidDb
  /** Seed of the fault dice. */
  seed?: number
  /** 授权及流程管理: how to call our API back, and the automatic decision rule (demo). */
  approvalFlow?: { callback?: ApprovalCallbackConfig | null; auto?: AutoDecision | null }
}

export async function startSimulator(options: SimulatorOptions = {}) {
  const lucid = options.db ?? (await import('@adonisjs/lucid/services/db')).default
  const { businessDate } = await import('#core/business_day/business_date')
  const data = new BankData(
    () => lucid.connection(),
    () => businessDate.current()
  )
  const riskLoanFeed = new RiskLoanFeed(() => lucid.connection())
  const cardFeed = new CardFeed(() => lucid.connection())
  const recoveryFeed = new RecoveryFeed(() => lucid.connection())
  const collectionDesk = new CollectionDesk(() => businessDate.current())
  const postLoanBatch = new PostLoanBatchDesk(() => businessDate.current())
  const alertFeed = new AlertFeed(() => lucid.connection())
  const imagingMetadata = new ImagingMetadata()
  const desks = new DeskSet({
    db: () => lucid.connection(),
    businessDate: () => businessDate.current(),
  })
  const directoryDesk = new DirectoryDesk(() => lucid.connection())
  const dice = new Prng(options.seed ?? 20261124)
  const faults = new Map<string, Faults>(SYSTEM_CODES.map((code) => [code, { ...NO_FAULTS }]))
  const counters = () => ({
    requests: Object.fromEntries(SYSTEM_CODES.map((code) => [code, 0])) as Record<string, number>,
    injected: { errors: 0, timeouts: 0, duplicateDeliveries: 0 },
  })
  let count = counters()
  const newLedgers = () => ({
    postings: new Ledger((_key, _body, n) => ({ postingNo: `P${String(n).padStart(10, '0')}` })),
    messages: new Ledger((_key, _body, n) => ({ messageId: `M${String(n).padStart(10, '0')}` })),
    uploads: new Ledger((_key, body: any, n) => {
      const docNo = `UP${String(n).padStart(10, '0')}`
      return {
        docNo,
        url: `${baseUrl}/imaging/files/${docNo}`,
        customerNo: String(body.customerNo),
        title: String(body.title),
        kind: String(body.kind),
        uploadedOn: new Date().toISOString().slice(0, 10),
      }
    }),
  })
  let ledgers = newLedgers()
  const approvals = new ApprovalDesk(options.approvalFlow ?? {})
  const itemFails = (system: string) =>
    dice.next() < faults.get(system)!.errorRate && Boolean(++count.injected.errors)
  let baseUrl = ''

  /** The systems' business endpoints: `${system} ${METHOD} ${path}`. */
  async function route(
    system: string,
    method: string,
    path: string,
    body: any,
    key?: string
  ): Promise<Reply> {
    const customerNo = String(body?.customerNo ?? '')
    const extraReply =
      (await desks.route({ system, method, path, body, key })) ??
      (await alertFeed.route(system, method, path, body)) ??
      imagingMetadata.route(system, method, path, body, key) ??
      (system === 'approval-flow' ? await directoryDesk.route(method, path) : null) ??
      postingBatch(system, method, path, body, ledgers.postings, () => itemFails(system))
    if (extraReply) return extraReply
    const list = async (rows: Promise<unknown[]>) => ({ status: 200, body: ok(await rows) })
    switch (`${system} ${method} ${path}`) {
      case 'core-banking POST /loans/balance': {
        const balance = await data.loanBalance(String(body?.loanNo ?? ''))
        return balance ? { status: 200, body: ok(balance) } : notFound('借据')
      }
      case 'core-banking POST /recovery-transactions/query':
        if (!/^\d{4}-\d{2}-\d{2}$/.test(String(body?.businessDate)))
          return badRequest('businessDate 格式为 YYYY-MM-DD')
        return list(recoveryFeed.transactions(body.businessDate))
      case 'collection POST /items': {
        const refused = collectionDesk.refuse(body)
        if (refused) return badRequest(refused)
        return keyed(collectionDesk.ledger, key, body)
      }
      case 'collection POST /items/records/query':
        if (!Array.isArray(body?.itemRefs)) return badRequest('itemRefs 必须为数组')
        return list(collectionDesk.records(body.itemRefs))
      case 'core-banking POST /postings': {
        const refusal = postingRefusal(body)
        return refusal ? badRequest(refusal) : keyed(ledgers.postings, key, body)
      }
      case 'credit-limit POST /credit-lines/query':
        return list(data.creditLines(customerNo))
      case 'warning POST /alerts/query':
        return list(data.alerts(customerNo))
      case 'risk-control POST /graph/query':
        return { status: 200, body: ok(await data.graph(customerNo)) }
      case 'collection POST /records/query':
        return list(data.collectionRecords(customerNo))
      case 'collateral POST /collaterals/query':
        return list(data.collaterals(customerNo))
      case 'collateral POST /collaterals/detail': {
        const detail = await collateralDetail(lucid.connection(), String(body?.collateralNo ?? ''))
        return detail ? { status: 200, body: ok(detail) } : notFound('押品')
      }
      case 'customer-center POST /customers/query': {
        const profile = await data.profile(customerNo)
        return profile ? { status: 200, body: ok(profile) } : notFound('客户')
      }
      case 'data-platform POST /handovers/query':
        if (!/^\d{4}-\d{2}-\d{2}$/.test(String(body?.businessDate)))
          return badRequest('businessDate 格式为 YYYY-MM-DD')
        return list(data.handovers(body.businessDate))
      case 'data-platform POST /risk-loans/query': {
        const limit = Number(body?.limit)
        if (!/^\d{4}-\d{2}-\d{2}$/.test(String(body?.businessDate)))
          return badRequest('businessDate 格式为 YYYY-MM-DD')
        if (!Number.isSafeInteger(limit) || limit < 1 || limit > 5000)
          return badRequest('limit 须为 1–5000 的整数')
        const after = body.after === null || body.after === undefined ? null : String(body.after)
        return {
          status: 200,
          body: ok(await riskLoanFeed.page(body.businessDate, after, limit)),
        }
      }
      case 'data-platform POST /card-accounts/query': {
        const limit = Number(body?.limit)
        if (!/^\d{4}-\d{2}-\d{2}$/.test(String(body?.businessDate)))
          return badRequest('businessDate 格式为 YYYY-MM-DD')
        if (!Number.isSafeInteger(limit) || limit < 1 || limit > 5000)
          return badRequest('limit 须为 1–5000 的整数')
        const after = body.after === null || body.after === undefined ? null : String(body.after)
        return { status: 200, body: ok(await cardFeed.page(after, limit)) }
      }
      case 'imaging POST /documents/query': {
        const filed = await data.documents(
          customerNo,
          (docNo) => `${baseUrl}/imaging/files/${encodeURIComponent(docNo)}`
        )
        const uploaded = ledgers.uploads
          .acks()
          .filter((d) => d.customerNo === customerNo)
          .map(({ docNo, title, kind, uploadedOn, url }) => ({
            docNo,
            title,
            kind,
            uploadedOn,
            url,
          }))
        return { status: 200, body: ok([...filed, ...uploaded]) }
      }
      case 'imaging POST /documents/upload': {
        if (!body?.customerNo || !body?.title || typeof body?.content !== 'string')
          return badRequest('customerNo、title、content 必填')
        if (!key) return badRequest('缺少 Idempotency-Key')
        const { docNo, url } = ledgers.uploads.apply(key, body)
        return { status: 200, body: ok({ docNo, url }) }
      }
      case 'post-loan POST /checks/query':
        return list(data.postLoanChecks(customerNo))
      case 'credit-portal GET /ping':
      case 'approval-flow GET /ping':
        return { status: 200, body: ok({ ok: true }) }
      case 'approval-flow POST /approvals': {
        const receipt = approvals.receive(key, body)
        if (receipt.status !== 200)
          return {
            status: receipt.status,
            body: { retCode: `${receipt.status}0`, retMsg: receipt.message, data: null },
          }
        return { status: 200, body: ok(receipt.data), replay: receipt.replay }
      }
      case 'messaging POST /sms':
        if (!body?.phone || !body?.text) return badRequest('phone、text 必填')
        return keyed(ledgers.messages, key, body)
      case 'messaging POST /mail':
        if (!body?.to || !body?.subject) return badRequest('to、subject 必填')
        return keyed(ledgers.messages, key, body)
    }
    if (system === 'post-loan')
      return (await postLoanBatch.route(method, path, body, key)) ?? notFound('接口')
    if (system === 'imaging' && method === 'GET' && path.startsWith('/files/'))
      return { status: 200, body: `模拟影像文件 ${decodeURIComponent(path.slice(7))}` }
    return notFound('接口')
  }

  function stats() {
    return {
      requests: { ...count.requests },
      injected: { ...count.injected },
      postings: ledgers.postings.stats(),
      messages: ledgers.messages.stats(),
      approvals: approvals.stats(),
      collection: collectionDesk.ledger.stats(),
      postLoanBatch: postLoanBatch.stats(),
      desks: desks.stats(),
    }
  }

  function setFaults(system: string, change: Partial<Faults>) {
    const targets = system === '*' ? SYSTEM_CODES : [system]
    for (const code of targets) {
      const current = faults.get(code)
      if (!current) throw new Error(`unknown system ${code}`)
      faults.set(code, { ...current, ...change })
    }
  }

  function reset() {
    for (const code of SYSTEM_CODES) faults.set(code, { ...NO_FAULTS })
    count = counters()
    ledgers = newLedgers()
    const parts = [riskLoanFeed, cardFeed, recoveryFeed, collectionDesk, postLoanBatch, alertFeed]
    for (const part of [...parts, imagingMetadata, directoryDesk, approvals, desks]) part.reset()
    data.resetProfiles()
  }

  async function control(method: string, path: string, body: any) {
    if (method === 'GET' && path === '/__sim/stats') return { status: 200, body: stats() }
    if (method === 'GET' && path === '/__sim/faults')
      return { status: 200, body: Object.fromEntries(faults) }
    const approvalReply =
      (await approvalControl(approvals, method, path, body)) ??
      postLoanBatch.control(method, path, body) ??
      alertFeed.control(method, path, body) ??
      data.profileControl(method, path, body) ??
      imagingMetadata.control(method, path) ??
      (await desks.control(method, path, body)) ??
      directoryDesk.control(method, path, body)
    if (approvalReply) return approvalReply
    if (method === 'POST' && path === '/__sim/reset') {
      reset()
      return { status: 200, body: { ok: true } }
    }
    const fed = feedControl(method, path, body, riskLoanFeed, recoveryFeed)
    if (fed) return fed
    if (method === 'GET' && path === '/__sim/collection')
      return { status: 200, body: collectionDesk.ledger.stats() }
    if (method === 'POST' && path === '/__sim/faults') {
      const system = String(body?.system ?? '')
      if (system !== '*' && !faults.has(system))
        return { status: 400, body: { message: `unknown system "${system}"` } }
      try {
        setFaults(system, parseFaults(body ?? {}))
      } catch (error) {
        return { status: 400, body: { message: (error as Error).message } }
      }
      return { status: 200, body: system === '*' ? Object.fromEntries(faults) : faults.get(system) }
    }
    return { status: 404, body: { message: 'unknown control endpoint' } }
  }

  const server = http.createServer(async (req, res) => {
    try {
      const body: any = await readJson(req)
      if (body === undefined)
        return send(res, 400, { retCode: '4000', retMsg: 'JSON 格式错误', data: null })
      const method = req.method ?? 'GET'
      const url = (req.url ?? '/').split('?')[0]
      if (url.startsWith('/__sim/')) {
        const reply = await control(method, url, body)
        return send(res, reply.status, reply.body)
      }
      const [, system, ...rest] = url.split('/')
      const knobs = faults.get(system)
      if (!knobs) return send(res, 404, { retCode: '4040', retMsg: '系统不存在', data: null })
      const path = '/' + rest.join('/')
      count.requests[system]++
      if (knobs.latencyMs) await sleep(knobs.latencyMs)
      const roll = dice.next()
      if (roll < knobs.errorRate) {
        count.injected.errors++
        return send(res, path === '/health' ? 503 : 500, {
          retCode: '5000',
          retMsg: '系统繁忙（模拟故障）',
          data: null,
        })
      }
      if (path === '/health') return send(res, 200, { ok: true })
      const key = (req.headers['idempotency-key'] as string | undefined) || undefined
      const reply = await route(system, method, path, body, key)
      if (reply.replay && dice.next() < knobs.duplicateDeliveries) {
        // The network delivered this request twice: the second must be refused by key.
        count.injected.duplicateDeliveries++
        reply.replay()
      }
      if (roll < knobs.errorRate + knobs.timeoutRate) {
        // Processed, but the answer comes too late for the caller: it did happen.
        count.injected.timeouts++
        await sleep(knobs.hangMs)
      }
      send(res, reply.status, reply.body)
    } catch (error) {
      send(res, 500, { retCode: '5999', retMsg: (error as Error).message, data: null })
    }
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port, address } = server.address() as AddressInfo
  baseUrl = `http://${address}:${port}`

  return {
    url: baseUrl,
    port,
    /** Base URL of one system, as 服务管理 stores it. */
    systemUrl: (system: string) => `${baseUrl}/${system}`,
    setFaults(input: { system: string } & Partial<Faults>) {
      const { system, ...change } = input
      setFaults(system, parseFaults(change))
    },
    stats,
    reset,
    /** The simulated 授权及流程管理 (decide, redeliver, auto rule, callback config). */
    approvals,
    directory: directoryDesk,
    /** 智能贷后 批量检查 (knobs and stats). */
    postLoanBatch,
    /** 客户中心 holds `change` for this customer from now on (until reset). */
    overrideProfile: data.overrideProfile.bind(data),
    /** 核心系统 reports this recovery transaction from now on (until reset). */
    injectRecoveryTransaction(t: InjectedTransaction) {
      recoveryFeed.inject(parseInjected(t))
    },
    /** 数据中台 reports `change` for this loan from now on (until reset). */
    overridePlatformLoan(loanNo: string, change: PlatformOverride) {
      riskLoanFeed.override(loanNo, change)
    },
    /** 数据中台 reports this card account with `change` (all fields: a new account) until reset. */
    overridePlatformCard(accountNo: string, change: Partial<CardFeedItem>) {
      cardFeed.override(accountNo, change)
    },
    async stop() {
      approvals.stop()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

export type Simulator = Awaited<ReturnType<typeof startSimulator>>

/*
| The simulated 授权及流程管理 system. It receives our workflow's submissions
| (POST /approval-flow/approvals, from the outbox) and decides them — by hand
| (POST /__sim/approval-flow/decide) or by an automatic rule (demo) — then
| calls BACK our API the way the bank's real system would:
|
|   POST {app}/api/auth/login                 as its integration account
|   POST {app}/api/workflow/external/decision { ref, decision, comment }
|
| Receipt is idempotent: the ledger applies each Idempotency-Key once (the
| outbox may deliver a round twice); a second key for a ref already held is
| refused as well, so one round is one submission here whatever arrives.
|
| The callback is at-least-once: a network error or a 5xx is retried with a
| growing delay; a 409 from us means the round is already closed (an earlier
| attempt got through), which settles it; any other refusal (404, 422 of a
| business handler, 403 of a misconfigured account) is kept as `refused` for a
| person to look at (stats) and can be sent again with `redeliver`.
*/
import { Ledger } from './ledger.js'

export type ApprovalDecision = 'approved' | 'rejected' | 'returned'
const DECISIONS: readonly ApprovalDecision[] = ['approved', 'rejected', 'returned']

/** Where and as whom the simulator calls our API back. */
export interface ApprovalCallbackConfig {
  /** The app's base URL, e.g. http://127.0.0.1:3333 (no trailing /api). */
  baseUrl: string
  username: string
  password: string
}

export interface AutoDecision {
  decision: ApprovalDecision
  afterMs: number
}

type CallbackState = 'none' | 'pending' | 'delivered' | 'retrying' | 'refused'

export interface Submission {
  ref: string
  approvalNo: string
  idempotencyKey: string
  type: string
  businessId: string
  title: string
  amount: string | null
  applicantId: number
  orgId: number
  decision: ApprovalDecision | null
  comment: string | null
  callback: CallbackState
  callbackAttempts: number
  /** Our API's last answer (status and message) to the callback. */
  lastCallback: { status: number; message: string } | null
}

export interface CallbackResult {
  ref: string
  decision: ApprovalDecision
  callback: CallbackState
  status: number
  message: string
}

/** Validates a submission body; returns the message of a 400 or null. */
function invalid(body: any): string | null {
  if (!body || typeof body !== 'object') return '请求体必须是 JSON 对象'
  if (typeof body.ref !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(body.ref)) return 'ref 格式错误'
  for (const field of ['type', 'businessId', 'title'])
    if (typeof body[field] !== 'string' || !body[field]) return `${field} 必填`
  if (body.amount !== null && body.amount !== undefined && !/^\d+\.\d{2}$/.test(body.amount))
    return 'amount 须为两位小数的元金额'
  for (const field of ['applicantId', 'orgId'])
    if (!Number.isSafeInteger(body[field])) return `${field} 须为整数`
  return null
}

const RETRY_FIRST_MS = 1_000
const RETRY_MAX_MS = 60_000

export class ApprovalDesk {
  #submissions = new Map<string, Submission>()
  #ledger = this.#newLedger()
  #refusedSecondKey = 0
  #timers = new Set<NodeJS.Timeout>()
  #token: string | null = null
  #logins = 0
  auto: AutoDecision | null
  callbackConfig: ApprovalCallbackConfig | null

  constructor(options: { callback?: ApprovalCallbackConfig | null; auto?: AutoDecision | null }) {
    this.callbackConfig = options.callback ?? null
    this.auto = options.auto ?? null
  }

  #newLedger() {
    return new Ledger<{ ref: string; approvalNo: string }>((key, body, n) => {
      const approvalNo = `AF${String(n).padStart(10, '0')}`
      this.#submissions.set(body.ref, {
        ref: body.ref,
        approvalNo,
        idempotencyKey: key,
        type: body.type,
        businessId: body.businessId,
        title: body.title,
        amount: body.amount ?? null,
        applicantId: body.applicantId,
        orgId: body.orgId,
        decision: null,
        comment: null,
        callback: 'none',
        callbackAttempts: 0,
        lastCallback: null,
      })
      if (this.auto) this.#scheduleAuto(body.ref, this.auto)
      return { ref: body.ref, approvalNo }
    })
  }

  /**
   * Receives one submission under its Idempotency-Key. Returns the HTTP status
   * and ESB `data` (or the refusal message); `replay` re-delivers it (fault knob).
   */
  receive(key: string | undefined, body: any) {
    if (!key) return { status: 400 as const, message: '缺少 Idempotency-Key' }
    const problem = invalid(body)
    if (problem) return { status: 400 as const, message: problem }
    const held = this.#submissions.get(body.ref)
    if (held && held.idempotencyKey !== key) {
      // The same round under another key: never a second approval of one round.
      this.#refusedSecondKey++
      return { status: 409 as const, message: `审批 ${body.ref} 已受理（${held.approvalNo}）` }
    }
    const apply = () => this.#ledger.apply(key, body)
    return { status: 200 as const, data: apply(), replay: apply }
  }

  submission(ref: string) {
    return this.#submissions.get(ref) ?? null
  }

  /** Decides a received round and calls our API back (awaits the first attempt). */
  async decide(ref: string, decision: ApprovalDecision, comment?: string | null) {
    const held = this.#submissions.get(ref)
    if (!held) throw new DeskError(404, `审批 ${ref} 不存在`)
    if (!DECISIONS.includes(decision))
      throw new DeskError(400, 'decision 须为 approved/rejected/returned')
    if (held.decision) throw new DeskError(409, `审批 ${ref} 已有结论（${held.decision}）`)
    held.decision = decision
    held.comment = comment ?? null
    held.callback = 'pending'
    return this.#deliver(held)
  }

  /** Sends every undelivered decision again now (after an outage or a fixed account). */
  async redeliver() {
    const results: CallbackResult[] = []
    for (const held of this.#submissions.values())
      if (held.decision && held.callback !== 'delivered') results.push(await this.#deliver(held))
    return results
  }

  #scheduleAuto(ref: string, rule: AutoDecision) {
    this.#later(rule.afterMs, () =>
      this.decide(ref, rule.decision, '授权及流程管理系统自动审批（模拟）').catch(() => {})
    )
  }

  #later(ms: number, work: () => unknown) {
    const timer = setTimeout(() => {
      this.#timers.delete(timer)
      work()
    }, ms)
    timer.unref()
    this.#timers.add(timer)
  }

  async #deliver(held: Submission): Promise<CallbackResult> {
    held.callbackAttempts++
    let status = 0
    let message = ''
    try {
      ;({ status, message } = await this.#postDecision(held))
    } catch (error) {
      message = (error as Error).message
    }
    if ((status >= 200 && status < 300) || status === 409) held.callback = 'delivered'
    else if (status === 0 || status >= 500) held.callback = 'retrying'
    else held.callback = 'refused'
    held.lastCallback = { status, message }
    if (held.callback === 'retrying') {
      const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (held.callbackAttempts - 1))
      this.#later(delay, () => {
        if (held.callback === 'retrying') this.#deliver(held).catch(() => {})
      })
    }
    return { ref: held.ref, decision: held.decision!, callback: held.callback, status, message }
  }

  /** One callback: sign in when we hold no token, once more if it has expired (401). */
  async #postDecision(held: Submission) {
    const config = this.callbackConfig
    if (!config) return { status: 0, message: '未配置回调地址与集成账号' }
    for (let attempt = 0; attempt < 2; attempt++) {
      if (!this.#token) {
        const login = await this.#login(config)
        if (login.status !== 200) return login
      }
      const response = await fetch(`${config.baseUrl}/api/workflow/external/decision`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Accept': 'application/json',
          'Authorization': `Bearer ${this.#token}`,
        },
        body: JSON.stringify({ ref: held.ref, decision: held.decision, comment: held.comment }),
        signal: AbortSignal.timeout(10_000),
      })
      const answer = (await response.json().catch(() => null)) as any
      if (response.status === 401 && attempt === 0) {
        this.#token = null
        continue
      }
      return { status: response.status, message: String(answer?.message ?? answer?.status ?? '') }
    }
    return { status: 401, message: 'unauthorized' }
  }

  async #login(config: ApprovalCallbackConfig) {
    this.#logins++
    const response = await fetch(`${config.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ username: config.username, password: config.password }),
      signal: AbortSignal.timeout(10_000),
    })
    const answer = (await response.json().catch(() => null)) as any
    if (response.status !== 200 || !answer?.token)
      return {
        status: response.status === 200 ? 401 : response.status,
        message: String(answer?.message ?? 'login failed'),
      }
    if (answer.mustChangePassword)
      return { status: 403, message: '集成账号需先修改密码（密码过期或初始密码）' }
    this.#token = answer.token as string
    return { status: 200, message: 'ok' }
  }

  stats() {
    const all = [...this.#submissions.values()]
    const count = (state: CallbackState) => all.filter((s) => s.callback === state).length
    return {
      received: this.#ledger.stats(),
      refusedSecondKey: this.#refusedSecondKey,
      undecided: all.filter((s) => !s.decision).length,
      callbacks: {
        delivered: count('delivered'),
        retrying: count('retrying'),
        refused: count('refused'),
        attempts: all.reduce((sum, s) => sum + s.callbackAttempts, 0),
        logins: this.#logins,
      },
      auto: this.auto,
      submissions: all,
    }
  }

  /** Forgets everything (simulator reset); the callback config and auto rule stay. */
  reset() {
    this.stop()
    this.#submissions = new Map()
    this.#ledger = this.#newLedger()
    this.#refusedSecondKey = 0
    this.#logins = 0
    this.#token = null
  }

  stop() {
    for (const timer of this.#timers) clearTimeout(timer)
    this.#timers.clear()
  }
}

export class DeskError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

/** Parses the control body of POST /__sim/approval-flow/auto: `{ decision: null }` turns it off. */
export function parseAuto(body: any): AutoDecision | null {
  if (!body || body.decision === null || body.decision === undefined) return null
  if (!DECISIONS.includes(body.decision))
    throw new Error('decision 须为 approved/rejected/returned 或 null')
  const afterMs = Number(body.afterMs ?? 0)
  if (!Number.isSafeInteger(afterMs) || afterMs < 0 || afterMs > 3_600_000)
    throw new Error('afterMs 须为 0–3600000 的整数毫秒')
  return { decision: body.decision, afterMs }
}

/** The simulator's /__sim/approval-flow control endpoints (null when the path is another's). */
export async function approvalControl(
  approvals: ApprovalDesk,
  method: string,
  path: string,
  body: any
) {
  if (method === 'GET' && path === '/__sim/approval-flow')
    return { status: 200, body: approvals.stats() }
  if (method === 'POST' && path === '/__sim/approval-flow/decide') {
    try {
      return {
        status: 200,
        body: await approvals.decide(String(body?.ref ?? ''), body?.decision, body?.comment),
      }
    } catch (error) {
      if (error instanceof DeskError)
        return { status: error.status, body: { message: error.message } }
      throw error
    }
  }
  if (method === 'POST' && path === '/__sim/approval-flow/auto') {
    try {
      approvals.auto = parseAuto(body)
    } catch (error) {
      return { status: 400, body: { message: (error as Error).message } }
    }
    return { status: 200, body: { auto: approvals.auto } }
  }
  if (method === 'POST' && path === '/__sim/approval-flow/redeliver')
    return { status: 200, body: await approvals.redeliver() }
  return null
}

/*
| The 13 external systems of the bank (服务管理 lists them) and their interfaces.
| Paths are fixed, so a lookup sends its key in a POST body: the core connector
| appends `path` to the base URL as is (no path parameters, no query string).
| A POST without an Idempotency-Key is never retried by the core — harmless for
| these read-only lookups, and the gateways (messaging) get a key from the adapter.
|
| The default base URL points at the demo simulator (simulator/server.ts), one
| process serving every system under `/<system>`; a bank sets the real URLs in 服务管理.
*/
import type {
  ConnectorInterfaceDefinition,
  ConnectorSystemDefinition,
  Localized,
} from '#core/plugins/types'

/** The simulator's port: env SIMULATOR_PORT, else the default of parameter bank-systems.simulator.port. */
export const DEFAULT_SIMULATOR_PORT = 4100
export function simulatorPort(): number {
  const fromEnv = Number(process.env.SIMULATOR_PORT)
  return Number.isSafeInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_SIMULATOR_PORT
}

/* ---- JSON Schema shorthands (OpenAPI description only) ------------------- */
const str = { type: 'string' }
const nullableStr = { type: ['string', 'null'] }
const yuanFen = { type: 'string', pattern: '^-?\\d+$', description: '金额（分）' }
const date = { type: 'string', format: 'date' }
const obj = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: 'object',
  properties,
  required,
})
const list = (item: Record<string, unknown>) => ({ type: 'array', items: item })
/** Every answer comes in the bank's ESB envelope: retCode '0000' is success. */
const envelope = (data: Record<string, unknown>) => obj({ retCode: str, retMsg: str, data })
const byCustomer = obj({ customerNo: str })

const lookup = (
  code: string,
  name: Localized,
  path: string,
  request: Record<string, unknown>,
  data: Record<string, unknown>
): ConnectorInterfaceDefinition => ({
  code,
  name,
  direction: 'outbound',
  method: 'POST',
  path,
  timeoutMs: 5_000,
  request,
  response: envelope(data),
})

const ping = (name: Localized): ConnectorInterfaceDefinition => ({
  code: 'ping',
  name,
  direction: 'outbound',
  method: 'GET',
  path: '/ping',
  timeoutMs: 3_000,
  response: envelope(obj({ ok: { type: 'boolean' } })),
})

const system = (
  code: string,
  name: Localized,
  owner: string,
  interfaces: ConnectorInterfaceDefinition[],
  extra: Partial<ConnectorSystemDefinition> = {}
): ConnectorSystemDefinition => ({
  code,
  name,
  owner,
  defaultBaseUrl: `http://127.0.0.1:${simulatorPort()}/${code}`,
  healthPath: '/health',
  interfaces,
  ...extra,
})

export const bankSystemDefinitions: ConnectorSystemDefinition[] = [
  system('core-banking', { zh: '核心系统', en: 'Core banking' }, '科技部', [
    lookup(
      'loan-balance',
      { zh: '借据余额查询', en: 'Loan balance' },
      '/loans/balance',
      obj({ loanNo: str }),
      obj({
        loanNo: str,
        principalFen: yuanFen,
        normalInterestFen: yuanFen,
        overdueInterestFen: yuanFen,
        penaltyInterestFen: yuanFen,
        compoundInterestFen: yuanFen,
        asOf: date,
      })
    ),
    {
      code: 'posting',
      name: { zh: '记账', en: 'Posting' },
      direction: 'outbound',
      method: 'POST',
      path: '/postings',
      // Money: only through the outbox, with an Idempotency-Key core banking dedupes by.
      moneyChanging: true,
      timeoutMs: 10_000,
      request: obj(
        {
          loanNo: str,
          accountNo: str,
          amount: str,
          direction: { enum: ['debit', 'credit'] },
          memo: str,
        },
        ['amount', 'direction']
      ),
      response: envelope(obj({ postingNo: str, duplicate: { type: 'boolean' } })),
    },
    lookup(
      'recovery-transactions',
      { zh: '风险客户回收交易流水', en: 'Recovery transactions' },
      '/recovery-transactions/query',
      obj({ businessDate: date }),
      list(
        obj({
          txnNo: str,
          loanNo: str,
          customerNo: str,
          postedOn: date,
          principalFen: yuanFen,
          interestFen: yuanFen,
          penaltyFen: yuanFen,
          channel: str,
          payerName: str,
          memo: str,
        })
      )
    ),
  ]),
  system('credit-limit', { zh: '统一授信', en: 'Unified credit limits' }, '授信管理部', [
    lookup(
      'credit-lines',
      { zh: '客户授信额度', en: 'Credit lines' },
      '/credit-lines/query',
      byCustomer,
      list(
        obj({
          lender: str,
          product: str,
          limitFen: yuanFen,
          usedFen: yuanFen,
          expiresOn: date,
          insideBank: { type: 'boolean' },
        })
      )
    ),
  ]),
  system('warning', { zh: '智能预警', en: 'Early warning' }, '风险管理部', [
    lookup(
      'alerts',
      { zh: '预警信号', en: 'Alerts' },
      '/alerts/query',
      byCustomer,
      list(obj({ kind: str, title: str, occurredOn: date, source: str, level: str }))
    ),
    lookup(
      'daily-alerts',
      { zh: '每日预警', en: 'Daily alerts' },
      '/alerts/daily',
      obj({ businessDate: date }),
      list(
        obj({
          alertNo: str,
          customerNo: str,
          kind: str,
          title: str,
          occurredOn: date,
          source: str,
          level: str,
          detail: { type: 'object' },
        })
      )
    ),
  ]),
  system('risk-control', { zh: '智能风控', en: 'Risk control' }, '风险管理部', [
    lookup(
      'relationship-graph',
      { zh: '关系图谱', en: 'Relationship graph' },
      '/graph/query',
      byCustomer,
      obj({
        nodes: list(obj({ id: str, name: str, kind: str })),
        links: list(obj({ source: str, target: str, relation: str })),
      })
    ),
  ]),
  system('collection', { zh: '智能催收', en: 'Collection' }, '资产保全部', [
    lookup(
      'records',
      { zh: '催收记录', en: 'Collection records' },
      '/records/query',
      byCustomer,
      list(
        obj({
          date,
          method: str,
          collector: str,
          result: str,
          promisedAmountFen: { type: ['string', 'null'] },
        })
      )
    ),
    {
      // 发起催收: one item (电话, 信函, 上门, 律师函, 公告) per message, sent through
      // the outbox with the key `collection:<item no>`; the system dedupes by it.
      code: 'dispatch',
      name: { zh: '发起催收', en: 'Start a collection item' },
      direction: 'outbound',
      method: 'POST',
      path: '/items',
      timeoutMs: 10_000,
      request: obj(
        {
          itemRef: str,
          customerNo: str,
          customerName: str,
          loanNos: list(str),
          method: { enum: ['phone', 'letter', 'visit', 'lawyer_letter', 'announcement'] },
          dueOn: nullableStr,
          instructions: nullableStr,
        },
        ['itemRef', 'customerNo', 'loanNos', 'method']
      ),
      response: envelope(obj({ itemRef: str, taskNo: str, duplicate: { type: 'boolean' } })),
    },
    lookup(
      'item-records',
      { zh: '催收任务结果', en: 'Records of our items' },
      '/items/records/query',
      obj({ itemRefs: list(str) }),
      list(
        obj({
          recordNo: str,
          itemRef: str,
          collectedOn: date,
          method: str,
          collector: str,
          result: str,
          proof: { type: ['object', 'null'] },
          promisedAmountFen: { type: ['string', 'null'] },
        })
      )
    ),
  ]),
  system('collateral', { zh: '押品管理', en: 'Collateral management' }, '授信管理部', [
    lookup(
      'collaterals',
      { zh: '押品信息', en: 'Collateral' },
      '/collaterals/query',
      byCustomer,
      list(
        obj({
          collateralNo: str,
          kind: str,
          description: str,
          appraisedValueFen: yuanFen,
          valuedOn: date,
          status: str,
        })
      )
    ),
    lookup(
      'collateral-detail',
      { zh: '押品详情', en: 'Collateral detail' },
      '/collaterals/detail',
      obj({ collateralNo: str }),
      obj({
        collateralNo: str,
        kind: str,
        description: str,
        location: str,
        certificates: str,
        status: str,
        appraisals: list(obj({ valuedOn: date, appraisedValueFen: yuanFen, appraiser: str })),
      })
    ),
  ]),
  system('customer-center', { zh: '客户中心', en: 'Customer centre' }, '个人金融部', [
    lookup(
      'profile',
      { zh: '客户信息', en: 'Customer profile' },
      '/customers/query',
      byCustomer,
      obj({
        customerNo: str,
        name: str,
        phone: nullableStr,
        address: nullableStr,
        legalRepresentative: nullableStr,
      })
    ),
  ]),
  system('data-platform', { zh: '数据中台', en: 'Data platform' }, '数据管理部', [
    lookup(
      'handovers',
      { zh: '风险资产移交清单', en: 'Handover list' },
      '/handovers/query',
      obj({ businessDate: date }),
      list(obj({ loanNo: str, reason: str, handedOverOn: date }))
    ),
    {
      ...lookup(
        'risk-loans',
        { zh: '风险资产日终数据', en: 'Risk-loan daily feed' },
        '/risk-loans/query',
        obj(
          {
            businessDate: date,
            after: { ...nullableStr, description: '上一页最后的借据号（首页为 null）' },
            limit: { type: 'integer', minimum: 1, maximum: 5000 },
          },
          ['businessDate', 'limit']
        ),
        obj({
          items: list(
            obj({
              loanNo: str,
              reason: { enum: ['classification', 'overdue'] },
              handedOverOn: date,
              fiveClass: str,
              balanceFen: yuanFen,
              overdueDays: { type: 'integer' },
              orgCode: str,
              managerNo: nullableStr,
            })
          ),
          next: nullableStr,
        })
      ),
      // A page of a large feed from a busy warehouse: more time than a lookup.
      timeoutMs: 30_000,
    },
    {
      ...lookup(
        'card-accounts',
        { zh: '信用卡透支账户日终数据', en: 'Credit-card daily feed' },
        '/card-accounts/query',
        obj(
          {
            businessDate: date,
            after: { ...nullableStr, description: '上一页最后的卡账户号（首页为 null）' },
            limit: { type: 'integer', minimum: 1, maximum: 5000 },
          },
          ['businessDate', 'limit']
        ),
        obj({
          items: list(
            obj({
              accountNo: str,
              cardNoMasked: str,
              customerNo: str,
              product: str,
              creditLimitFen: yuanFen,
              principalFen: yuanFen,
              interestFen: yuanFen,
              feeFen: yuanFen,
              overdueDays: { type: 'integer' },
              fiveClass: str,
              openedOn: date,
              orgCode: str,
              managerNo: nullableStr,
              status: str,
            })
          ),
          next: nullableStr,
        })
      ),
      timeoutMs: 30_000,
    },
  ]),
  system('imaging', { zh: '影像平台/电子档案', en: 'Imaging / e-archive' }, '运营管理部', [
    lookup(
      'documents',
      { zh: '影像资料', en: 'Documents' },
      '/documents/query',
      byCustomer,
      list(obj({ docNo: str, title: str, kind: str, uploadedOn: date, url: str }))
    ),
    {
      code: 'upload',
      name: { zh: '影像资料上传', en: 'Document upload' },
      direction: 'outbound',
      method: 'POST',
      path: '/documents/upload',
      // Files a document once per Idempotency-Key (a retry returns the same docNo).
      timeoutMs: 30_000,
      request: obj({ customerNo: str, title: str, kind: str, fileName: str, content: str }),
      response: envelope(obj({ docNo: str, url: str })),
    },
    {
      code: 'update-metadata',
      name: { zh: '影像资料信息维护', en: 'Document metadata' },
      direction: 'outbound',
      method: 'POST',
      path: '/documents/metadata',
      // Applied once per Idempotency-Key (the outbox's); the latest metadata wins.
      timeoutMs: 10_000,
      request: obj({ docNo: str, title: str, kind: str, remark: nullableStr }),
      response: envelope(obj({ docNo: str, revision: { type: 'integer' } })),
    },
  ]),
  system('post-loan', { zh: '智能贷后', en: 'Post-loan management' }, '授信管理部', [
    lookup(
      'checks',
      { zh: '贷后检查', en: 'Post-loan checks' },
      '/checks/query',
      byCustomer,
      list(obj({ checkedOn: date, kind: str, conclusion: str, inspector: str }))
    ),
    {
      // 批量检查: one submission per batch round; each item key is checked once
      // (only a failed check is queued again), the submission key dedupes repeats.
      code: 'batch-submit',
      name: { zh: '批量检查提交', en: 'Batch check submission' },
      direction: 'outbound',
      method: 'POST',
      path: '/batch-checks',
      timeoutMs: 30_000,
      request: obj({
        batchNo: str,
        items: list(obj({ key: str, customerNo: str, checkItems: list(str) })),
      }),
      response: envelope(
        obj({
          batchNo: str,
          accepted: { type: 'integer' },
          duplicates: { type: 'integer' },
          duplicate: { type: 'boolean' },
        })
      ),
    },
    {
      ...lookup(
        'batch-results',
        { zh: '批量检查结果', en: 'Batch check results' },
        '/batch-checks/results/query',
        obj({ batchNo: str }),
        list(
          obj(
            {
              key: str,
              customerNo: str,
              status: { enum: ['done', 'failed'] },
              attempt: { type: 'integer' },
              checkedOn: date,
              finding: { enum: ['normal', 'attention', 'risk'] },
              conclusion: str,
              inspector: str,
              error: str,
            },
            ['key', 'customerNo', 'status', 'attempt']
          )
        )
      ),
      timeoutMs: 30_000,
    },
  ]),
  system('credit-portal', { zh: '信贷门户', en: 'Credit portal' }, '科技部', [
    ping({ zh: '连通性检查', en: 'Ping' }),
  ]),
  system('approval-flow', { zh: '授权及流程管理', en: 'Authorisation & workflow' }, '科技部', [
    ping({ zh: '连通性检查', en: 'Ping' }),
    {
      // A type switched to external mode (流程管理) sends each approval round here.
      // Not money, yet a submission must arrive once per round: the workflow
      // core writes it to the outbox in the submission's transaction with the
      // key `workflow:<ref>`, and the system dedupes by it (no key: 400).
      // The body is the workflow's own payload, amount in yuan (not ESB fen).
      // The decision comes back inbound (interface `decision` below).
      code: 'submit',
      name: { zh: '提交审批', en: 'Submit for approval' },
      direction: 'outbound',
      method: 'POST',
      path: '/approvals',
      timeoutMs: 10_000,
      request: obj(
        {
          ref: { type: 'string', description: '审批轮次编号 WF<实例号>-<轮次>，对方据此去重' },
          type: str,
          businessId: str,
          title: str,
          amount: {
            type: ['string', 'null'],
            pattern: '^\\d+\\.\\d{2}$',
            description: '金额（元）',
          },
          applicantId: { type: 'integer' },
          orgId: { type: 'integer' },
        },
        ['ref', 'type', 'businessId', 'title', 'applicantId', 'orgId']
      ),
      response: envelope(obj({ ref: str, approvalNo: str, duplicate: { type: 'boolean' } })),
    },
    {
      // What the system sends back when it has decided (listed for 服务管理 and
      // the OpenAPI description): POST /api/workflow/external/decision, signed
      // in as the integration account that holds only system:workflow:external.
      code: 'decision',
      name: { zh: '审批结果回调', en: 'Decision callback' },
      direction: 'inbound',
      method: 'POST',
      path: '/api/workflow/external/decision',
      request: obj(
        {
          ref: str,
          decision: { enum: ['approved', 'rejected', 'returned'] },
          comment: nullableStr,
        },
        ['ref', 'decision']
      ),
      response: obj({ instanceId: { type: 'integer' }, status: str }),
    },
  ]),
  system('messaging', { zh: '短信/邮件网关', en: 'SMS / e-mail gateways' }, '运营管理部', [
    {
      code: 'sms',
      name: { zh: '发送短信', en: 'Send SMS' },
      direction: 'outbound',
      method: 'POST',
      path: '/sms',
      timeoutMs: 5_000,
      request: obj({ phone: str, text: str }),
      response: envelope(obj({ messageId: str, duplicate: { type: 'boolean' } })),
    },
    {
      code: 'mail',
      name: { zh: '发送邮件', en: 'Send e-mail' },
      direction: 'outbound',
      method: 'POST',
      path: '/mail',
      timeoutMs: 5_000,
      request: obj({ to: str, subject: str, html: str }),
      response: envelope(obj({ messageId: str, duplicate: { type: 'boolean' } })),
    },
  ]),
]

/** System codes the simulator serves (the first path segment). */
export const SYSTEM_CODES = bankSystemDefinitions.map((s) => s.code)

/*
| The platforms: 数据中台, 影像平台/电子档案, 智能贷后, 信贷门户, 授权及流程管理, 短信/邮件网关.
*/
import type { ConnectorSystemDefinition } from '#core/plugins/types'
import {
  str,
  nullableStr,
  yuanFen,
  date,
  obj,
  list,
  envelope,
  byCustomer,
  lookup,
  ping,
  system,
} from './schema.js'

export const platformSystems: ConnectorSystemDefinition[] = [
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
      // 组织机构与用户目录: the bank's org tree, departments and staff, read by the
      // identity sync (backend/directory_sync) nightly and on demand.
      code: 'directory',
      name: { zh: '组织机构与用户目录', en: 'Org and staff directory' },
      direction: 'outbound',
      method: 'GET',
      path: '/directory',
      timeoutMs: 30_000,
      response: envelope(
        obj({
          orgs: list(
            obj({
              code: str,
              name: str,
              shortName: nullableStr,
              parentCode: nullableStr,
              sort: { type: 'integer' },
              status: { enum: ['active', 'disabled'] },
            })
          ),
          departments: list(
            obj({
              orgCode: str,
              code: str,
              name: str,
              sort: { type: 'integer' },
              status: { enum: ['active', 'disabled'] },
            })
          ),
          users: list(
            obj({
              username: str,
              realName: str,
              orgCode: str,
              departmentCode: nullableStr,
              phone: nullableStr,
              email: nullableStr,
              status: { enum: ['active', 'disabled'] },
            })
          ),
        })
      ),
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

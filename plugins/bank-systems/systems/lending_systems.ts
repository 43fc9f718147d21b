/*
| The systems around the loan and the customer: 核心系统, 统一授信, 智能预警, 智能风控,
| 智能催收, 押品管理, 客户中心.
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
  system,
} from './schema.js'

export const lendingSystems: ConnectorSystemDefinition[] = [
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
      // 批量记账: the outbox sends postings many to a request, each with its own key and result.
      batch: {
        path: '/postings/batch',
        maxItems: 500,
        results: (body: any) => body?.data?.results,
      },
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
]

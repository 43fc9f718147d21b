/*
| The bank's external systems as the business plugins see them: one typed
| interface per system. The HTTP implementations (./http/*.ts) call the core
| connectors (backend/connectors); the simulator (../simulator) serves the same
| shapes on loopback for the demo and the tests. Money is yuan text with two
| decimals ("1234.56"), dates 'YYYY-MM-DD', as everywhere in the API.
| An implementer replaces one bank's adapter by changing the implementation
| behind `bankSystems`, never a business plugin.
*/

/** 核心系统: balances and postings (postings only through the outbox, interface `posting`). */
export interface CoreBankingAdapter {
  loanBalance(loanNo: string): Promise<{
    loanNo: string
    principal: string
    normalInterest: string
    overdueInterest: string
    penaltyInterest: string
    compoundInterest: string
    asOf: string
  }>
  /**
   * 交易流水: recovery transactions booked on loans under risk-asset management
   * on one business date (repayments, enforcement transfers, sale proceeds …).
   * `txnNo` is core banking's unique transaction number.
   */
  recoveryTransactions(businessDate: string): Promise<CoreRecoveryTransaction[]>
}

export interface CoreRecoveryTransaction {
  txnNo: string
  loanNo: string
  customerNo: string
  postedOn: string
  principal: string
  interest: string
  penalty: string
  /** principal + interest + penalty. */
  amount: string
  /** 柜面, 网银, 司法划扣 … as core banking names the channel. */
  channel: string
  payerName: string
  memo: string
}

/** 统一授信: credit lines of a customer across the bank (and known outside it). */
export interface CreditLimitAdapter {
  creditLines(customerNo: string): Promise<
    Array<{
      lender: string
      product: string
      limit: string
      used: string
      expiresOn: string
      insideBank: boolean
    }>
  >
}

/** 智能预警: litigation, executed-person, asset/equity changes, collateral value alerts. */
export interface WarningAdapter {
  alerts(customerNo: string): Promise<
    Array<{
      kind: 'litigation' | 'executed_person' | 'equity_change' | 'asset_change' | 'collateral_value'
      title: string
      occurredOn: string
      source: string
      level: 'high' | 'medium' | 'low'
    }>
  >
  /** The alerts raised on a business date for risk-asset customers (stable alertNo). */
  dailyAlerts(businessDate: string): Promise<DailyAlert[]>
}

export interface DailyAlert {
  alertNo: string
  customerNo: string
  kind: 'new_lawsuit' | 'executed_person' | 'collateral_value_drop' | 'equity_change'
  title: string
  occurredOn: string
  source: string
  level: 'high' | 'medium' | 'low'
  /** Kind-specific facts: caseNo, filedOn, bankIsPlaintiff; collateralRef, valueBeforeFen … */
  detail: Record<string, string | boolean | null>
}

/** 智能风控: the relationship graph around a customer (group members, guarantors, shareholders). */
export interface RiskControlAdapter {
  relationshipGraph(customerNo: string): Promise<{
    nodes: Array<{ id: string; name: string; kind: 'customer' | 'company' | 'person' }>
    links: Array<{
      source: string
      target: string
      relation: 'guarantee' | 'shareholder' | 'group' | 'legal_rep' | 'related_loan'
    }>
  }>
}

/** 智能催收: collection records of a customer; items we start and the records they produce. */
export interface CollectionAdapter {
  /**
   * 催收记录 produced by the items we sent (interface `dispatch`, through the
   * outbox with key `itemRef`), by item reference.
   */
  itemRecords(itemRefs: string[]): Promise<CollectionItemRecord[]>
  records(customerNo: string): Promise<
    Array<{
      date: string
      method: 'phone' | 'visit' | 'letter' | 'sms' | 'lawyer_letter'
      collector: string
      result: string
      promisedAmount: string | null
    }>
  >
}

export interface CollectionItemRecord {
  /** 智能催收's own record number (unique). */
  recordNo: string
  itemRef: string
  collectedOn: string
  method: 'phone' | 'letter' | 'visit' | 'lawyer_letter' | 'announcement'
  collector: string
  result: string
  /** What proves the debtor was reached (送达回证, 通话录音, 公告报样 …); null = none. */
  proof: { kind: string; docNo: string; title: string } | null
  promisedAmount: string | null
}

/** 押品管理: collateral values and status. */
export interface CollateralAdapter {
  collaterals(customerNo: string): Promise<
    Array<{
      collateralNo: string
      kind: string
      description: string
      appraisedValue: string
      valuedOn: string
      status: string
    }>
  >
  /** One 押品 with 坐落位置, 权属证书 and its appraisals (newest first); null when unknown. */
  detail(collateralNo: string): Promise<CollateralDetail | null>
}

export interface CollateralDetail {
  collateralNo: string
  kind: string
  description: string
  location: string
  certificates: string
  status: string
  appraisals: Array<{ valuedOn: string; appraisedValue: string; appraiser: string }>
}

/** 客户中心: the customer master record as the customer centre holds it. */
export interface CustomerCenterAdapter {
  profile(customerNo: string): Promise<{
    customerNo: string
    name: string
    phone: string | null
    address: string | null
    legalRepresentative: string | null
  }>
}

/** 数据中台: handover of loans into risk-asset management, and external data. */
export interface DataPlatformAdapter {
  handovers(
    businessDate: string
  ): Promise<Array<{ loanNo: string; reason: 'classification' | 'overdue'; handedOverOn: string }>>
  /**
   * 风险资产日终数据: every loan under risk-asset management on the business date
   * (handed over that day or before), with its facts as of that date. Keyset
   * paging by loan number: pass `next` back as `after` until it is null.
   */
  riskLoans(
    businessDate: string,
    page: { after: string | null; limit: number }
  ): Promise<{ items: PlatformRiskLoan[]; next: string | null }>
  /**
   * 信用卡透支账户日终数据: every card overdraft account with its balance split,
   * keyset paging by account number (pass `next` back as `after` until null).
   */
  cardAccounts(
    businessDate: string,
    page: { after: string | null; limit: number }
  ): Promise<{ items: PlatformCardAccount[]; next: string | null }>
}

/** One credit-card overdraft account of the data platform's feed (amounts yuan text). */
export interface PlatformCardAccount {
  accountNo: string
  cardNoMasked: string
  /** The holder (ca_customers.customer_no). */
  customerNo: string
  product: string
  creditLimit: string
  /** 透支本金, 利息, 费用. */
  principal: string
  interest: string
  fee: string
  overdueDays: number
  fiveClass: 'normal' | 'special_mention' | 'substandard' | 'doubtful' | 'loss'
  openedOn: string
  orgCode: string
  managerNo: string | null
  status: string
}

/** One loan of the data platform's risk-asset feed. */
export interface PlatformRiskLoan {
  loanNo: string
  reason: 'classification' | 'overdue'
  handedOverOn: string
  fiveClass: 'normal' | 'special_mention' | 'substandard' | 'doubtful' | 'loss'
  balance: string
  overdueDays: number
  /** 机构号 (orgs.code) and the manager's 工号 (users.username; null = none). */
  orgCode: string
  managerNo: string | null
}

/** 影像平台/电子档案: documents of a customer or loan. */
export interface ImagingAdapter {
  documents(
    customerNo: string
  ): Promise<Array<{ docNo: string; title: string; kind: string; uploadedOn: string; url: string }>>
  /**
   * Files a document on the platform (核销资料, 上会材料). `key` makes a retry
   * file it once; the answer names the document for later `documents` reads.
   */
  upload(input: {
    customerNo: string
    title: string
    kind: string
    fileName: string
    /** The file, base64. */
    content: string
    key: string
  }): Promise<{ docNo: string; url: string }>
}

/** 智能贷后: post-loan checks of a customer; 批量检查 submitted and polled per item. */
export interface PostLoanAdapter {
  checks(
    customerNo: string
  ): Promise<Array<{ checkedOn: string; kind: string; conclusion: string; inspector: string }>>
  /** One batch round; `key` dedupes the submission, each item's `key` its check. */
  submitBatch(input: {
    batchNo: string
    key: string
    items: Array<{ key: string; customerNo: string; checkItems: string[] }>
  }): Promise<{ accepted: number; duplicates: number }>
  /** The finished checks of a batch so far (done or failed), per item key. */
  batchResults(batchNo: string): Promise<PostLoanBatchResult[]>
}

export interface PostLoanBatchResult {
  key: string
  customerNo: string
  status: 'done' | 'failed'
  /** 智能贷后's attempt number of this item (1 = first submission). */
  attempt: number
  checkedOn: string | null
  finding: 'normal' | 'attention' | 'risk' | null
  conclusion: string | null
  inspector: string | null
  error: string | null
}

/** 信贷门户 (single sign-on is the core's; this is the portal's task list hook). */
export interface CreditPortalAdapter {
  ping(): Promise<{ ok: boolean }>
}

/** 授权及流程管理: external approval chains (the workflow issue uses it). */
export interface ApprovalFlowAdapter {
  ping(): Promise<{ ok: boolean }>
}

/** SMS / e-mail gateways. */
export interface MessagingAdapter {
  sendSms(phone: string, text: string): Promise<{ messageId: string }>
  sendMail(to: string, subject: string, html: string): Promise<{ messageId: string }>
}

export interface BankSystems {
  coreBanking: CoreBankingAdapter
  creditLimit: CreditLimitAdapter
  warning: WarningAdapter
  riskControl: RiskControlAdapter
  collection: CollectionAdapter
  collateral: CollateralAdapter
  customerCenter: CustomerCenterAdapter
  dataPlatform: DataPlatformAdapter
  imaging: ImagingAdapter
  postLoan: PostLoanAdapter
  creditPortal: CreditPortalAdapter
  approvalFlow: ApprovalFlowAdapter
  messaging: MessagingAdapter
}

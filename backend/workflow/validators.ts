import vine from '@vinejs/vine'
import { money } from '#core/money/money_rule'
import { LocalizedMessagesProvider } from '#core/i18n/validation_messages'

/* 授权及流程 input: the task boxes, the actions, and the chain editor. */

Object.assign(LocalizedMessagesProvider.extraLabels['zh-CN'], {
  comment: '审批意见',
  userId: '人员',
  toSeq: '退回节点',
  nodes: '审批节点',
  mode: '方式',
  minAmount: '授权金额下限',
  deadlineDays: '办理时限',
  decision: '审批结论',
  ref: '外部流水号',
})
Object.assign(LocalizedMessagesProvider.extraLabels.en, {
  comment: 'comment',
  userId: 'user',
  toSeq: 'return node',
  nodes: 'approval nodes',
  mode: 'mode',
  minAmount: 'amount threshold',
  deadlineDays: 'time limit',
  decision: 'decision',
  ref: 'external reference',
})

export const taskListValidator = vine.compile(
  vine.object({
    box: vine.enum(['todo', 'done', 'mine'] as const).optional(),
    type: vine.string().trim().maxLength(64).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 100]).optional(),
  })
)

const comment = vine.string().trim().maxLength(1000).optional()

export const commentValidator = vine.compile(vine.object({ comment }))

/** Reject and return need a reason (the applicant must know what to change). */
export const reasonValidator = vine.compile(
  vine.object({ comment: vine.string().trim().minLength(1).maxLength(1000) })
)

export const returnValidator = vine.compile(
  vine.object({
    comment: vine.string().trim().minLength(1).maxLength(1000),
    /** 0 = to the applicant; otherwise an earlier node's seq. */
    toSeq: vine.number().withoutDecimals().min(0),
  })
)

export const userActionValidator = vine.compile(
  vine.object({ comment, userId: vine.number().withoutDecimals().positive() })
)

const codes = vine.array(vine.string().trim().minLength(1).maxLength(64)).maxLength(50).optional()

export const chainValidator = vine.compile(
  vine.object({
    mode: vine.enum(['internal', 'external'] as const),
    nodes: vine
      .array(
        vine.object({
          name: vine.object({
            zh: vine.string().trim().minLength(1).maxLength(100),
            en: vine.string().trim().minLength(1).maxLength(100),
          }),
          org: vine.enum(['same', 'parent', 'branch', 'head'] as const),
          roles: codes,
          posts: codes,
          users: codes,
          mode: vine.enum(['any', 'all'] as const),
          minAmount: vine
            .string()
            .trim()
            .use(money({ min: '0.00' }))
            .nullable()
            .optional(),
          deadlineDays: vine.number().withoutDecimals().range([1, 365]).nullable().optional(),
        })
      )
      .maxLength(20),
  })
)

export const externalDecisionValidator = vine.compile(
  vine.object({
    ref: vine.string().trim().minLength(1).maxLength(64),
    decision: vine.enum(['approved', 'rejected', 'returned'] as const),
    comment,
  })
)

export const userSearchValidator = vine.compile(
  vine.object({
    keyword: vine.string().trim().minLength(1).maxLength(50),
    /** The approval whose current task is handed on: candidates are people who may take it. */
    instanceId: vine.number().withoutDecimals().positive(),
  })
)

import vine from '@vinejs/vine'
import { errors } from '@vinejs/vine'
import './labels.js'

/*
| 议事规则: fractions as whole numbers (numerator ≤ denominator ≤ 100), the options
| a ballot offers (同意 and 不同意 always), the switches.
*/
const part = () => vine.number().withoutDecimals().range([1, 100])

export const RULE_FIELDS = [
  'quorum',
  'pass',
  'options',
  'chairVeto',
  'ballot',
  'partyMustAbstain',
  'tie',
]

export const ruleValidator = vine.compile(
  vine.object({
    quorum: vine.object({ num: part(), den: part() }),
    pass: vine.object({
      num: part(),
      den: part(),
      basis: vine.enum(['attendees', 'members']),
      compare: vine.enum(['gte', 'gt']),
    }),
    options: vine
      .array(vine.enum(['agree', 'disagree', 'abstain', 'reconsider']))
      .distinct()
      .minLength(2),
    chairVeto: vine.boolean(),
    ballot: vine.enum(['named', 'anonymous']),
    partyMustAbstain: vine.boolean(),
    tie: vine.enum(['reject', 'pass', 'chair']),
  })
)

/** What VineJS cannot say in one schema: a fraction above 1, a ballot without 同意 or 不同意. */
export function checkRuleShape(input: {
  quorum: { num: number; den: number }
  pass: { num: number; den: number }
  options: string[]
}) {
  const messages: { field: string; rule: string; message: string }[] = []
  for (const key of ['quorum', 'pass'] as const)
    if (input[key].num > input[key].den)
      messages.push({
        field: `${key}.num`,
        rule: 'fraction',
        message: '分子不能大于分母 / the numerator cannot exceed the denominator',
      })
  if (!input.options.includes('agree') || !input.options.includes('disagree'))
    messages.push({
      field: 'options',
      rule: 'options',
      message: '表决选项须包含同意和不同意 / agree and disagree are required',
    })
  if (messages.length) throw new errors.E_VALIDATION_ERROR(messages)
}

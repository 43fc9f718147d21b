import vine from '@vinejs/vine'
import { dictCode } from '#core/validation/dictionary_code'
import { calendarDate } from '#core/holidays/validators'
import { money } from '#core/money/money_rule'
import './labels.js'

/*
| Meetings: the sitting's facts, its people, its agenda, attendance, ballots,
| minutes. Dates are real calendar dates (2026-02-30 is a 422); ids positive.
*/
const id = () => vine.number().withoutDecimals().positive()

export const MEETING_FIELDS = [
  'meetingType',
  'title',
  'meetingDate',
  'place',
  'orgId',
  'chairId',
  'secretaryId',
  'memberIds',
  'attendeeIds',
]

export const meetingValidator = vine.compile(
  vine.object({
    meetingType: vine
      .string()
      .trim()
      .use(dictCode({ type: 'committee_meeting_type' })),
    title: vine.string().trim().minLength(1).maxLength(200),
    meetingDate: vine.string().trim().use(calendarDate()),
    place: vine.string().trim().minLength(1).maxLength(200),
    orgId: id(),
    chairId: id(),
    secretaryId: id(),
    memberIds: vine.array(id()).minLength(1).maxLength(50).distinct(),
    attendeeIds: vine.array(id()).maxLength(50).distinct().optional(),
  })
)

export const agendaValidator = vine.compile(
  vine.object({ itemIds: vine.array(id()).minLength(1).maxLength(100).distinct() })
)

export const attendanceValidator = vine.compile(
  vine.object({
    attendance: vine
      .array(
        vine.object({
          userId: id(),
          attendance: vine.enum(['present', 'absent', 'proxy', 'unknown']),
          proxyUserId: id().nullable().optional(),
        })
      )
      .minLength(1)
      .maxLength(100),
  })
)

export const voteValidator = vine.compile(
  vine.object({
    choice: vine.enum(['agree', 'disagree', 'abstain', 'reconsider']),
    /** The member the ballot is for: omitted = oneself; another member = as their proxy. */
    memberId: id().optional(),
  })
)

export const minutesValidator = vine.compile(
  vine.object({ minutes: vine.string().trim().maxLength(20000) })
)

export const meetingListValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    status: vine.enum(['draft', 'opened', 'closed', 'cancelled']).optional(),
    meetingType: vine.enum(['hq', 'branch']).optional(),
  })
)

export const motionValidator = vine.compile(
  vine.object({
    title: vine.string().trim().minLength(1).maxLength(200),
    amount: vine
      .string()
      .trim()
      .use(money({ min: '0', max: '9999999999999.99' })),
  })
)

import { randomUUID } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import { submitItem } from '../items/item_service.js'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import {
  agendaValidator,
  attendanceValidator,
  meetingListValidator,
  meetingValidator,
  minutesValidator,
  motionValidator,
  MEETING_FIELDS,
} from '../validators/meeting.js'
import { refuseUnknown } from '../validators/strict.js'
import { listMeetings, meetingDetail } from '../meetings/meeting_queries.js'
import {
  addAgendaItems,
  createMeeting,
  recordAttendance,
  removeAgendaItem,
  updateMeeting,
  type MeetingInput,
} from '../meetings/meeting_service.js'
import { cancelMeeting, closeMeeting, openMeeting, saveMinutes } from '../meetings/voting.js'
import { assertRunner } from '../meetings/meeting_scope.js'
import { onMeeting } from './on_meeting.js'
import { idParam } from './params.js'

/**
 * 会议管理: list and detail (scoped; a participant always sees their meeting),
 * prepare (facts, people, agenda), attendance, open, minutes, close, cancel.
 * Thin: the rules live in meetings/.
 */
export default class MeetingsController {
  async index(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(meetingListValidator)
    return listMeetings(await accessOf(ctx), input)
  }

  async show(ctx: HttpContext) {
    return this.detail(ctx)
  }

  private async detail(ctx: HttpContext) {
    return meetingDetail(await accessOf(ctx), idParam(ctx.params.id))
  }

  private async input(ctx: HttpContext) {
    refuseUnknown(ctx.request.body(), MEETING_FIELDS)
    return (await ctx.request.validateUsing(meetingValidator)) as MeetingInput
  }

  async store(ctx: HttpContext) {
    const input = await this.input(ctx)
    const access = await accessOf(ctx)
    const id = await createMeeting(access, input, async (trx, meetingId) => {
      await audit.append(ctx, {
        action: 'committee.meeting.create',
        entityType: 'committee_meeting',
        entityId: meetingId,
        after: { ...input },
        trx,
      })
    })
    ctx.response.status(201)
    return meetingDetail(access, id)
  }

  async update(ctx: HttpContext) {
    const input = await this.input(ctx)
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    await updateMeeting(access, id, input, async (trx, before) => {
      await audit.append(ctx, {
        action: 'committee.meeting.update',
        entityType: 'committee_meeting',
        entityId: id,
        before: { title: before.title, place: before.place, chairId: before.chair_id },
        after: { ...input },
        trx,
      })
    })
    return meetingDetail(access, id)
  }

  async addAgenda(ctx: HttpContext) {
    const { itemIds } = await ctx.request.validateUsing(agendaValidator)
    await onMeeting(
      ctx,
      'committee.agenda.add',
      (trx, access, meeting) => addAgendaItems(trx, access, meeting, itemIds),
      () => ({ after: { itemIds } })
    )
    return this.detail(ctx)
  }

  async removeAgenda(ctx: HttpContext) {
    const itemId = idParam(ctx.params.itemId)
    await onMeeting(
      ctx,
      'committee.agenda.remove',
      (trx, _access, meeting) => removeAgendaItem(trx, meeting, itemId),
      () => ({ after: { itemId } })
    )
    return this.detail(ctx)
  }

  /** 临时议题: a matter put on this meeting's agenda directly, as an item of the committee's own kind. */
  async motion(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(motionValidator)
    await onMeeting(
      ctx,
      'committee.agenda.motion',
      async (trx, access, meeting) => {
        assertRunner(access, meeting)
        const itemId = await submitItem(trx, {
          kind: 'committee:motion',
          title: input.title,
          amount: input.amount,
          recordRef: { plugin: 'committee', kind: 'motion', id: randomUUID() },
          orgId: meeting.org_id,
          submittedBy: access.user.id,
        })
        await addAgendaItems(trx, access, meeting, [itemId])
        return itemId
      },
      (itemId) => ({ after: { itemId, ...input } })
    )
    return this.detail(ctx)
  }

  async attendance(ctx: HttpContext) {
    const { attendance } = await ctx.request.validateUsing(attendanceValidator)
    await onMeeting(
      ctx,
      'committee.meeting.attendance',
      async (trx, access, meeting) => {
        assertRunner(access, meeting)
        await recordAttendance(trx, meeting, attendance)
      },
      () => ({ after: { attendance } })
    )
    return this.detail(ctx)
  }

  async open(ctx: HttpContext) {
    await onMeeting(ctx, 'committee.meeting.open', openMeeting, (rule) => ({
      after: { rule: rule as unknown as Record<string, unknown> },
    }))
    return this.detail(ctx)
  }

  async minutes(ctx: HttpContext) {
    const { minutes } = await ctx.request.validateUsing(minutesValidator)
    await onMeeting(
      ctx,
      'committee.meeting.minutes',
      (trx, access, meeting) => saveMinutes(trx, access, meeting, minutes),
      () => ({ after: { length: minutes.length } })
    )
    return this.detail(ctx)
  }

  async close(ctx: HttpContext) {
    await onMeeting(ctx, 'committee.meeting.close', closeMeeting)
    return this.detail(ctx)
  }

  async cancel(ctx: HttpContext) {
    await onMeeting(ctx, 'committee.meeting.cancel', cancelMeeting)
    return this.detail(ctx)
  }
}

import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { voteValidator } from '../validators/meeting.js'
import { meetingDetail } from '../meetings/meeting_queries.js'
import { announce, castVote, closeVoting, openVoting } from '../meetings/voting.js'
import { onMeeting } from './on_meeting.js'
import { idParam } from './params.js'

/**
 * 逐项表决: open voting on an agenda item, cast a ballot (oneself or as proxy),
 * close and count, announce. Every step is audited in its own transaction; a
 * named ballot's audit row carries the choice, an anonymous one only that a
 * ballot was cast.
 */
export default class VotingController {
  private detail = async (ctx: HttpContext) =>
    meetingDetail(await accessOf(ctx), idParam(ctx.params.id))

  async open(ctx: HttpContext) {
    const itemId = idParam(ctx.params.itemId)
    await onMeeting(
      ctx,
      'committee.vote.open',
      (trx, access, meeting) => openVoting(trx, access, meeting, itemId),
      () => ({ entityType: 'committee_item', entityId: itemId })
    )
    return this.detail(ctx)
  }

  async cast(ctx: HttpContext) {
    const itemId = idParam(ctx.params.itemId)
    const input = await ctx.request.validateUsing(voteValidator)
    await onMeeting(
      ctx,
      'committee.vote.cast',
      (trx, access, meeting) => castVote(trx, access, meeting, itemId, input),
      (cast) => ({
        entityType: 'committee_item',
        entityId: itemId,
        after: {
          memberId: cast.memberId,
          ...(cast.anonymous ? {} : { choice: input.choice }),
          changed: cast.changed,
        },
      })
    )
    return this.detail(ctx)
  }

  async close(ctx: HttpContext) {
    const itemId = idParam(ctx.params.itemId)
    await onMeeting(
      ctx,
      'committee.vote.close',
      (trx, access, meeting) => closeVoting(trx, access, meeting, itemId),
      (tally) => ({
        entityType: 'committee_item',
        entityId: itemId,
        after: { counts: tally.counts, decision: tally.decision, quorate: tally.quorate },
      })
    )
    return this.detail(ctx)
  }

  async announce(ctx: HttpContext) {
    const itemId = idParam(ctx.params.itemId)
    await onMeeting(
      ctx,
      'committee.vote.announce',
      (trx, access, meeting) => announce(trx, access, meeting, itemId),
      ({ tally, resolutionNo }) => ({
        entityType: 'committee_item',
        entityId: itemId,
        after: {
          decision: tally.decision,
          resolutionNo,
          counts: tally.counts,
          reason: tally.reason.zh,
        },
      })
    )
    return this.detail(ctx)
  }
}

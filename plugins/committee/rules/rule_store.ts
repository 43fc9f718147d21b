import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import { dbNow } from '#core/db/db_time'
import type { CommitteeRule, VoteOption } from './types.js'

/*
| The rules as records (committee_rules, one per meeting type). Read when a
| meeting opens (its snapshot) and on 议事规则; changed only through saveRule.
*/
export function ruleFromRow(row: any): CommitteeRule {
  return {
    meetingType: row.meeting_type,
    quorum: { num: Number(row.quorum_num), den: Number(row.quorum_den) },
    pass: {
      num: Number(row.pass_num),
      den: Number(row.pass_den),
      basis: row.pass_basis,
      compare: row.pass_compare,
    },
    options: JSON.parse(row.options_json) as VoteOption[],
    chairVeto: Boolean(row.chair_veto),
    ballot: row.ballot,
    partyMustAbstain: Boolean(row.party_must_abstain),
    tie: row.tie,
  }
}

export async function ruleFor(meetingType: string, client?: QueryClientContract) {
  const row = await (client ?? db)
    .from('committee_rules')
    .where('meeting_type', meetingType)
    .first()
  return row ? ruleFromRow(row) : null
}

export async function allRules() {
  const rows = await db.from('committee_rules').orderBy('id')
  return rows.map((row) => ({
    ...ruleFromRow(row),
    updatedBy: row.updated_by,
    updatedAt: String(row.updated_at),
  }))
}

export async function saveRule(client: QueryClientContract, rule: CommitteeRule, userId: number) {
  await client
    .from('committee_rules')
    .where('meeting_type', rule.meetingType)
    .update({
      quorum_num: rule.quorum.num,
      quorum_den: rule.quorum.den,
      pass_num: rule.pass.num,
      pass_den: rule.pass.den,
      pass_basis: rule.pass.basis,
      pass_compare: rule.pass.compare,
      options_json: JSON.stringify(rule.options),
      chair_veto: rule.chairVeto,
      ballot: rule.ballot,
      party_must_abstain: rule.partyMustAbstain,
      tie: rule.tie,
      updated_by: userId,
      updated_at: dbNow(),
    })
}

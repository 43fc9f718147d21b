import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 资产处置委员会会议 (asset disposal committee).
|
| committee_rules     the rule of each meeting type (总行 / 分行), administrators' records:
|                     quorum and pass threshold as integer fractions (num/den, compared by
|                     cross-multiplying, never as floats), vote options, veto, ballot, tie.
| committee_items     what any plugin put up for decision (services/committee_api.ts
|                     submitItem): kind, the submitting plugin's record, amount in fen, the
|                     submitting org (the data scope), status and the final decision.
| committee_meetings  one sitting: type, date, place, chair, secretary, the rule snapshot
|                     taken when it opened (results are computed from it), minutes.
| committee_participants  members (委员, they vote) and attendees (列席), attendance and the
|                     member a delegator's proxy (委托) is.
| committee_agenda    an item on a meeting's agenda: voting state, the result computed when
|                     voting closed and, once announced, the decision and 决议 number
|                     (immutable from then on).
| committee_votes     one ballot per member per agenda entry; cast_by is the proxy when
|                     the member delegated.
| committee_materials files per item (上会材料), stored under the plugin's storage folder.
| A released migration never changes; add a new one.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('committee_rules', (t) => {
      t.increments('id')
      /** committee_meeting_type code: hq (总行) | branch (分行). */
      t.string('meeting_type', 16).notNullable().unique()
      t.integer('quorum_num').unsigned().notNullable()
      t.integer('quorum_den').unsigned().notNullable()
      t.integer('pass_num').unsigned().notNullable()
      t.integer('pass_den').unsigned().notNullable()
      /** attendees | members: whom the pass fraction is of. */
      t.string('pass_basis', 16).notNullable()
      /** gte (≥) | gt (>). */
      t.string('pass_compare', 8).notNullable()
      /** JSON array of committee_vote_option codes offered on the ballot. */
      t.text('options_json').notNullable()
      t.boolean('chair_veto').notNullable()
      /** named | anonymous. */
      t.string('ballot', 16).notNullable()
      t.boolean('party_must_abstain').notNullable()
      /** reject | pass | chair: what an equal number of 同意 and 不同意 means. */
      t.string('tie', 16).notNullable()
      t.integer('updated_by').unsigned().nullable()
      t.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('committee_items', (t) => {
      t.increments('id')
      /** Registered item kind, `<plugin>:<name>` (registerItemKind). */
      t.string('kind', 80).notNullable()
      t.string('title', 200).notNullable()
      t.bigInteger('amount_fen').notNullable()
      t.string('record_plugin', 64).notNullable()
      t.string('record_kind', 64).notNullable()
      t.string('record_id', 64).notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('submitted_by').unsigned().notNullable()
      /** JSON array of user ids who are party to the item (回避). */
      t.text('parties_json').nullable()
      /** committee_item_status: pending | scheduled | decided | withdrawn. */
      t.string('status', 16).notNullable()
      /** committee_decision: passed | rejected | reconsider (null until announced). */
      t.string('decision', 16).nullable()
      t.string('resolution_no', 64).nullable()
      t.integer('meeting_id').unsigned().nullable()
      t.timestamp('decided_at').nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['record_plugin', 'record_kind', 'record_id'])
      t.index(['org_id', 'status'])
      t.index(['status'])
    })

    this.schema.createTable('committee_meetings', (t) => {
      t.increments('id')
      t.string('meeting_no', 40).notNullable().unique()
      t.string('meeting_type', 16).notNullable()
      t.string('title', 200).notNullable()
      t.date('meeting_date').notNullable()
      t.string('place', 200).notNullable()
      t.integer('chair_id').unsigned().notNullable()
      t.integer('secretary_id').unsigned().notNullable()
      /** Organising org: 总行 or the branch; the data scope. */
      t.integer('org_id').unsigned().notNullable()
      /** committee_meeting_status: draft | opened | closed | cancelled. */
      t.string('status', 16).notNullable()
      /** The rule in force when the meeting opened (JSON); every result is computed from it. */
      t.text('rule_json').nullable()
      t.text('minutes').nullable()
      t.timestamp('opened_at').nullable()
      t.timestamp('closed_at').nullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['org_id', 'meeting_date'])
    })

    this.schema.createTable('committee_participants', (t) => {
      t.increments('id')
      t.integer('meeting_id').unsigned().notNullable()
      t.integer('user_id').unsigned().notNullable()
      /** member (委员, votes) | attendee (列席, no vote). */
      t.string('role', 16).notNullable()
      /** committee_attendance: unknown | present | absent | proxy (委托). */
      t.string('attendance', 16).notNullable()
      /** For attendance = proxy: the present member who votes for this one. */
      t.integer('proxy_user_id').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.unique(['meeting_id', 'user_id'])
    })

    this.schema.createTable('committee_agenda', (t) => {
      t.increments('id')
      t.integer('meeting_id').unsigned().notNullable()
      t.integer('item_id').unsigned().notNullable()
      t.integer('seq').unsigned().notNullable()
      /** committee_voting_status: waiting | voting | closed | announced. */
      t.string('voting', 16).notNullable()
      /** The tally and decision computed at close (JSON), frozen at announcement. */
      t.text('result_json').nullable()
      t.string('decision', 16).nullable()
      t.string('resolution_no', 64).nullable().unique()
      t.timestamp('opened_at').nullable()
      t.timestamp('closed_at').nullable()
      t.timestamp('announced_at').nullable()
      t.integer('announced_by').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.unique(['meeting_id', 'item_id'])
      t.index(['item_id'])
    })

    this.schema.createTable('committee_votes', (t) => {
      t.increments('id')
      t.integer('agenda_id').unsigned().notNullable()
      /** The member whose vote this is. */
      t.integer('member_id').unsigned().notNullable()
      /** Who cast it: the member, or the member's proxy. */
      t.integer('cast_by').unsigned().notNullable()
      t.string('choice', 16).notNullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.unique(['agenda_id', 'member_id'])
    })

    this.schema.createTable('committee_materials', (t) => {
      t.increments('id')
      t.integer('item_id').unsigned().notNullable()
      t.string('file_name', 200).notNullable()
      /** A link given by the submitting plugin (its own document), or null for an upload. */
      t.string('link', 300).nullable()
      t.string('content_type', 100).nullable()
      t.integer('size').unsigned().nullable()
      t.string('stored_path', 200).nullable()
      t.string('sha256', 64).nullable()
      t.integer('uploaded_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.index(['item_id'])
    })

    // The shipped rules, as records administrators change on 议事规则 (never code):
    // quorum ≥ 2/3 of members (a member represented by a proxy counts as present),
    // passed with ≥ 2/3 of the attendees agreeing, a tie is not passed, the chair has
    // no veto, named ballot, a member party to the item abstains.
    this.defer(async (db) => {
      const now = new Date().toISOString().slice(0, 19).replace('T', ' ')
      const rule = {
        quorum_num: 2,
        quorum_den: 3,
        pass_num: 2,
        pass_den: 3,
        pass_basis: 'attendees',
        pass_compare: 'gte',
        options_json: JSON.stringify(['agree', 'disagree', 'abstain', 'reconsider']),
        chair_veto: false,
        ballot: 'named',
        party_must_abstain: true,
        tie: 'reject',
        updated_at: now,
      }
      await db.table('committee_rules').multiInsert([
        { meeting_type: 'hq', ...rule },
        { meeting_type: 'branch', ...rule },
      ])
    })
  }

  async down() {
    for (const table of [
      'committee_materials',
      'committee_votes',
      'committee_agenda',
      'committee_participants',
      'committee_meetings',
      'committee_items',
      'committee_rules',
    ])
      this.schema.dropTableIfExists(table)
  }
}

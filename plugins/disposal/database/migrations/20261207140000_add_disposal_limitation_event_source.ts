import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 时效事件的来源: an event another plugin records through services/limitation_api.ts
| (诉讼管理's 起诉 or 判决, a 催收 registered elsewhere) names the record it came from,
| so 时效管理 shows where it came from and a retried call finds the event it
| already wrote (same loan, type and source) instead of adding a second one.
| Events registered by hand on 时效管理 keep these columns NULL.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('disposal_limitation_events', (t) => {
      /** The plugin id, the kind of record in it (case, judgment …) and that record's id. */
      t.string('source_plugin', 40).nullable()
      t.string('source_kind', 40).nullable()
      t.string('source_id', 64).nullable()
      /** What the clerk reads, e.g. "（2024）京0105民初12345号". */
      t.string('source_label', 200).nullable()
      t.index(['source_plugin', 'source_kind', 'source_id'], 'disposal_limitation_events_source')
    })
  }

  async down() {
    this.schema.alterTable('disposal_limitation_events', (t) => {
      t.dropIndex(
        ['source_plugin', 'source_kind', 'source_id'],
        'disposal_limitation_events_source'
      )
      t.dropColumn('source_label')
      t.dropColumn('source_id')
      t.dropColumn('source_kind')
      t.dropColumn('source_plugin')
    })
  }
}

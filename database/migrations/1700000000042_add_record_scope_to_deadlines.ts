import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| The record a deadline is about, for the data scope: its org and owner (管户人).
| Reminders to "whoever holds the permission at that org" go only to the holders
| whose data scope covers the record (backend/identity/record_recipients.ts). Null
| record_org_id: the deadline's org_id is the record's org, with no owner.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('deadlines', (t) => {
      t.integer('record_org_id').unsigned().nullable()
      t.integer('record_owner_id').unsigned().nullable()
    })
  }

  async down() {
    this.schema.alterTable('deadlines', (t) => {
      t.dropColumn('record_org_id')
      t.dropColumn('record_owner_id')
    })
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 信息维护 sent to the 影像平台: meta_key is the outbox key of the latest metadata
| message of a document (its delivery state is the outbox's); meta_pending marks
| an edit made while the first upload was still queued — sent once the platform
| has filed it and named the document (reconcile).
*/
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('archives_documents', (t) => {
      t.string('meta_key', 128).nullable()
      t.boolean('meta_pending').notNullable().defaultTo(false)
    })
  }

  async down() {
    this.schema.alterTable('archives_documents', (t) => {
      t.dropColumn('meta_key')
      t.dropColumn('meta_pending')
    })
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 客户档案管理: a customer's documents on the 影像平台, with what the platform
| does not keep for us — the category, title and remark a clerk edited, and
| every version of a replaced document (the old one is never deleted).
|
| archives_documents: one logical document; root_doc_no is the imaging
|   document id of its first version (null while that upload is still queued).
| archives_versions: one row per version, keyed by the imaging document id of
|   that version (doc_no, null while queued). upload_key is the outbox message's
|   idempotency key (one per upload): the platform files it exactly once.
|   stored_path: our copy for previews (null for documents filed elsewhere).
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('archives_documents', (t) => {
      t.increments('id')
      t.integer('customer_id').unsigned().notNullable()
      t.string('root_doc_no', 64).nullable()
      t.string('category', 32).notNullable()
      t.string('kind', 64).notNullable()
      t.string('title', 200).notNullable()
      t.string('remark', 1000).nullable()
      t.integer('created_by').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.unique(['customer_id', 'root_doc_no'])
      t.index(['customer_id'])
    })

    this.schema.createTable('archives_versions', (t) => {
      t.increments('id')
      t.integer('document_id').unsigned().notNullable()
      t.integer('version_no').unsigned().notNullable()
      t.string('doc_no', 64).nullable().unique()
      t.string('status', 16).notNullable()
      t.string('file_name', 200).nullable()
      t.string('content_type', 120).nullable()
      t.integer('size_bytes').unsigned().nullable()
      t.string('sha256', 64).nullable()
      t.string('stored_path', 200).nullable()
      t.string('upload_key', 128).nullable().unique()
      t.string('remote_url', 500).nullable()
      t.integer('created_by').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.unique(['document_id', 'version_no'])
    })
  }

  async down() {
    this.schema.dropTable('archives_versions')
    this.schema.dropTable('archives_documents')
  }
}

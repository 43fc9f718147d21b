import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 授权及流程: approval types (synced from plugin manifests), the chains
| administrators configure, and the instances, tasks, history and attachments
| of each approval. Amounts are integer fen; an instance keeps the chain it was
| submitted under (a later chain edit never changes a running approval).
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('wf_types', (table) => {
      /** `<plugin>:<name>` as the manifest declares it. */
      table.string('code', 64).primary()
      table.string('plugin_id', 40).notNullable()
      table.string('name_zh', 100).notNullable()
      table.string('name_en', 100).notNullable()
      table.string('link', 300).notNullable()
      table.boolean('amount_tiers').notNullable().defaultTo(false)
      /** Administrator's switch: internal chain, or the bank's external 授权及流程管理 system. */
      table.string('mode', 16).notNullable().defaultTo('internal')
      /** false once the plugin no longer declares it (or is disabled); rows and history stay. */
      table.boolean('active').notNullable().defaultTo(true)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('wf_chain_nodes', (table) => {
      table.increments('id')
      table
        .string('type_code', 64)
        .notNullable()
        .references('code')
        .inTable('wf_types')
        .onDelete('CASCADE')
      /** Order of the node in the chain, 1…n. */
      table.integer('seq').notNullable()
      table.string('name_zh', 100).notNullable()
      table.string('name_en', 100).notNullable()
      /** same | parent | branch | head — relative to the applicant's org. */
      table.string('org_relation', 16).notNullable().defaultTo('same')
      /** JSON arrays of role codes, post codes and usernames. */
      table.text('roles_json').notNullable()
      table.text('posts_json').notNullable()
      table.text('users_json').notNullable()
      /** any (或签) | all (会签) */
      table.string('mode', 8).notNullable().defaultTo('any')
      /** 授权 tier: the node applies when amount_fen >= this; NULL applies always. */
      table.bigInteger('min_amount_fen').nullable()
      table.integer('deadline_days').nullable()
      table.unique(['type_code', 'seq'])
    })

    this.schema.createTable('wf_instances', (table) => {
      table.increments('id')
      table.string('type_code', 64).notNullable().references('code').inTable('wf_types')
      table.string('business_id', 64).notNullable()
      table.string('title', 200).notNullable()
      table.bigInteger('amount_fen').nullable()
      table.integer('applicant_id').unsigned().notNullable().references('id').inTable('users')
      /** The applicant's org at submission: approvers are found relative to it; data scope uses it. */
      table.integer('org_id').unsigned().notNullable().references('id').inTable('orgs')
      /** pending | approved | rejected | returned | withdrawn */
      table.string('status', 16).notNullable()
      /** internal | external (decided by the bank's 授权及流程管理 system) */
      table.string('mode', 16).notNullable().defaultTo('internal')
      /** The applicable nodes at submission (tiers already applied), as JSON. */
      table.text('chain_json').notNullable()
      /** Seq of the node being decided; NULL when not pending. */
      table.integer('current_seq').nullable()
      /** Submission round: a return to the applicant and a resubmission start a new round. */
      table.integer('round').notNullable().defaultTo(1)
      table.string('external_ref', 64).nullable()
      table.timestamp('finished_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['type_code', 'business_id'], 'wf_instances_business_index')
      table.index(['applicant_id', 'status'], 'wf_instances_applicant_index')
    })

    this.schema.createTable('wf_tasks', (table) => {
      table.increments('id')
      table
        .integer('instance_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('wf_instances')
        .onDelete('CASCADE')
      table.integer('round').notNullable()
      table.integer('node_seq').notNullable()
      table.integer('assignee_id').unsigned().notNullable().references('id').inTable('users')
      /** pending | approved | rejected | returned | transferred | cancelled */
      table.string('status', 16).notNullable()
      /** true for a 加签 signer: must approve even on an any-one node. */
      table.boolean('added').notNullable().defaultTo(false)
      table.date('due_date').nullable()
      table.string('comment', 1000).nullable()
      table.timestamp('decided_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['assignee_id', 'status'], 'wf_tasks_assignee_index')
      table.index(['instance_id', 'round', 'node_seq'], 'wf_tasks_node_index')
    })

    this.schema.createTable('wf_history', (table) => {
      table.increments('id')
      table
        .integer('instance_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('wf_instances')
        .onDelete('CASCADE')
      table.integer('task_id').unsigned().nullable()
      table.integer('round').notNullable()
      table.integer('node_seq').nullable()
      /** submit | resubmit | approve | reject | return | transfer | add_signer | withdraw | complete | external */
      table.string('action', 16).notNullable()
      table.integer('actor_id').unsigned().nullable().references('id').inTable('users')
      /** transfer / add-signer: the other user; return: the target node (0 = applicant). */
      table.integer('target_user_id').unsigned().nullable()
      table.integer('target_seq').nullable()
      table.string('comment', 1000).nullable()
      table.timestamp('created_at').notNullable()
      table.index(['instance_id'], 'wf_history_instance_index')
    })

    this.schema.createTable('wf_attachments', (table) => {
      table.increments('id')
      table
        .integer('instance_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('wf_instances')
        .onDelete('CASCADE')
      table.integer('history_id').unsigned().nullable()
      table.string('file_name', 200).notNullable()
      table.string('content_type', 100).nullable()
      table.integer('size').notNullable()
      /** Path under the attachment storage folder (never a user-given path). */
      table.string('stored_path', 300).notNullable()
      table.string('sha256', 64).notNullable()
      table.integer('uploaded_by').unsigned().notNullable().references('id').inTable('users')
      table.timestamp('created_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable('wf_attachments')
    this.schema.dropTable('wf_history')
    this.schema.dropTable('wf_tasks')
    this.schema.dropTable('wf_instances')
    this.schema.dropTable('wf_chain_nodes')
    this.schema.dropTable('wf_types')
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 目标管理 gaps (spec §2.3): targets by 重点系列项目 as well as by org, and 考核.
| - targets_tasks.series: '' for the org's general target, else a code of the
|   dictionary targets_series; one target per (org, year, period, kind, series).
| - targets_series_members: the customers a 重点系列项目 covers; a series target's
|   done is what disposal completed for those customers inside the org.
| - targets_assessment_weights: per year, one weight per indicator (kind and
|   series) in percent, summing to 100, with the completion rate's cap.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('targets_tasks', (t) => {
      t.string('series', 32).notNullable().defaultTo('')
    })
    this.schema.alterTable('targets_tasks', (t) => {
      t.dropUnique(['org_id', 'year', 'period', 'kind'])
      t.unique(['org_id', 'year', 'period', 'kind', 'series'], {
        indexName: 'targets_tasks_org_period_kind_series_unique',
      })
    })
    this.schema.createTable('targets_series_members', (t) => {
      t.increments('id')
      t.string('series', 32).notNullable()
      t.integer('customer_id').unsigned().notNullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.unique(['series', 'customer_id'])
      t.index(['customer_id'])
    })
    this.schema.createTable('targets_assessment_weights', (t) => {
      t.increments('id')
      t.integer('year').notNullable()
      t.string('kind', 16).notNullable()
      t.string('series', 32).notNullable().defaultTo('')
      /** Weight of the indicator in percent (all of a year's sum to 100.00). */
      t.decimal('weight_pct', 5, 2).notNullable()
      /** The completion rate counts up to this percent (e.g. 120.00). */
      t.decimal('cap_pct', 6, 2).notNullable()
      t.integer('updated_by').unsigned().notNullable()
      t.timestamp('updated_at').notNullable()
      t.unique(['year', 'kind', 'series'])
    })
  }

  async down() {
    this.schema.dropTable('targets_assessment_weights')
    this.schema.dropTable('targets_series_members')
    this.schema.alterTable('targets_tasks', (t) => {
      t.dropUnique([], 'targets_tasks_org_period_kind_series_unique')
      t.unique(['org_id', 'year', 'period', 'kind'])
      t.dropColumn('series')
    })
  }
}

import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 节假日管理: the State Council's yearly holiday arrangement (放假安排) and the
| version number every app node compares before trusting its in-memory calendar.
*/
export default class extends BaseSchema {
  async up() {
    /**
     * One row per date that differs from the ordinary week: `holiday` (法定节假日, a
     * weekday or weekend day off) or `workday` (调休, a weekend day worked). Every
     * other Saturday and Sunday rests and every other weekday works, so a year holds
     * only ~30–40 rows.
     */
    this.schema.createTable('holiday_calendar_days', (table) => {
      table.increments('id')
      table.date('date').notNullable().unique()
      table.string('kind', 16).notNullable()
      table.string('name', 100).notNullable()
      /*
       * The arrangement's year, which is not always the date's year: the notice for
       * 2019 moved 2018-12-29/30/31 for 元旦 (and 2023's took 2022-12-31). An import
       * replaces exactly the rows of one arrangement year.
       */
      table.integer('year').notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['year'])
    })

    /**
     * One row (id 1). Every change to the calendar increments `version` in the same
     * transaction; app nodes reload their cached calendar when it differs.
     */
    this.schema.createTable('holiday_calendar_state', (table) => {
      table.integer('id').primary()
      table.integer('version').notNullable().defaultTo(0)
      table.timestamp('updated_at').nullable()
    })

    this.defer(async (db) => {
      await db.table('holiday_calendar_state').insert({ id: 1, version: 0, updated_at: null })
    })
  }

  async down() {
    this.schema.dropTable('holiday_calendar_state')
    this.schema.dropTable('holiday_calendar_days')
  }
}

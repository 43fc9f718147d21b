import { BaseSchema } from '@adonisjs/lucid/schema'

/* 接口测试: saved cases (an interface, a payload, the outcome expected). */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('interface_test_cases', (table) => {
      table.increments('id')
      table.string('name', 100).notNullable()
      table.string('system_code', 64).notNullable()
      table.string('interface_code', 64).notNullable()
      /** The JSON payload as the tester wrote it (test data, never a customer's). */
      table.text('payload', 'mediumtext').notNullable()
      /** success | failure */
      table.string('expect_outcome', 16).notNullable()
      table.integer('created_by').unsigned().nullable()
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').notNullable()
      table.index(['system_code', 'interface_code'])
    })
  }

  async down() {
    this.schema.dropTable('interface_test_cases')
  }
}

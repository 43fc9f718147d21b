import { BaseSchema } from '@adonisjs/lucid/schema'

/* 机构 / 部门 / 岗位: the bank's org tree (总行 → 分行 → 支行, any depth). */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('orgs', (table) => {
      table.increments('id')
      table.string('code', 32).notNullable().unique()
      table.string('name', 100).notNullable()
      table.string('short_name', 50).nullable()
      table.integer('parent_id').unsigned().nullable().references('id').inTable('orgs')
      /** 1 = 总行, 2 = 分行, 3 = 支行, … */
      table.integer('level').notNullable().defaultTo(1)
      /** Ancestor ids, "/1/4/9/": "own org and below" is `path LIKE '/1/4/%'`; wide enough for deep trees. */
      table.string('path', 1000).notNullable()
      table.integer('sort').notNullable().defaultTo(0)
      table.string('status', 16).notNullable().defaultTo('active')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['path'], 'orgs_path_index')
    })

    this.schema.createTable('departments', (table) => {
      table.increments('id')
      table.integer('org_id').unsigned().notNullable().references('id').inTable('orgs')
      table.string('code', 32).notNullable()
      table.string('name', 100).notNullable()
      table.integer('sort').notNullable().defaultTo(0)
      table.string('status', 16).notNullable().defaultTo('active')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['org_id', 'code'])
    })

    this.schema.createTable('posts', (table) => {
      table.increments('id')
      table.string('code', 32).notNullable().unique()
      table.string('name', 100).notNullable()
      table.integer('sort').notNullable().defaultTo(0)
      table.string('status', 16).notNullable().defaultTo('active')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable('posts')
    this.schema.dropTable('departments')
    this.schema.dropTable('orgs')
  }
}

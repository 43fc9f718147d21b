import { BaseSchema } from '@adonisjs/lucid/schema'

/* 用户 / 角色 and their links; access tokens are the server-side, revocable sessions. */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('users', (table) => {
      table.increments('id')
      table.string('username', 64).notNullable().unique()
      table.string('password', 255).notNullable()
      table.string('real_name', 64).notNullable()
      table.integer('org_id').unsigned().notNullable().references('id').inTable('orgs')
      table.integer('department_id').unsigned().nullable().references('id').inTable('departments')
      table.string('phone', 32).nullable()
      table.string('email', 128).nullable()
      table.string('status', 16).notNullable().defaultTo('active')
      /** Initial or reset passwords must be changed at the next login. */
      table.boolean('must_change_password').notNullable().defaultTo(false)
      table.timestamp('password_changed_at').nullable()
      table.integer('failed_logins').notNullable().defaultTo(0)
      table.timestamp('locked_until').nullable()
      table.timestamp('last_login_at').nullable()
      table.string('locale', 8).notNullable().defaultTo('zh-CN')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['org_id'])
    })

    this.schema.createTable('roles', (table) => {
      table.increments('id')
      table.string('code', 64).notNullable().unique()
      table.string('name', 64).notNullable()
      /** all | custom | org | org_and_below | self — see backend/identity/data_scope.ts */
      table.string('data_scope', 16).notNullable().defaultTo('self')
      table.integer('sort').notNullable().defaultTo(0)
      table.string('status', 16).notNullable().defaultTo('active')
      table.string('remark', 255).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('user_roles', (table) => {
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table
        .integer('role_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('roles')
        .onDelete('CASCADE')
      table.primary(['user_id', 'role_id'])
    })

    this.schema.createTable('user_posts', (table) => {
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table
        .integer('post_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('posts')
        .onDelete('CASCADE')
      table.primary(['user_id', 'post_id'])
    })

    /** Orgs of a role whose data scope is "custom". */
    this.schema.createTable('role_orgs', (table) => {
      table
        .integer('role_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('roles')
        .onDelete('CASCADE')
      table
        .integer('org_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('orgs')
        .onDelete('CASCADE')
      table.primary(['role_id', 'org_id'])
    })

    /** 功能权限: a role holds permission codes; menus show when their code is held. */
    this.schema.createTable('role_permissions', (table) => {
      table
        .integer('role_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('roles')
        .onDelete('CASCADE')
      table.string('permission', 128).notNullable()
      table.primary(['role_id', 'permission'])
    })

    this.schema.createTable('auth_access_tokens', (table) => {
      table.increments('id')
      table
        .integer('tokenable_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('type').notNullable()
      table.string('name').nullable()
      table.string('hash').notNullable()
      table.text('abilities').notNullable()
      table.string('ip_address', 64).nullable()
      table.string('user_agent', 512).nullable()
      table.timestamp('created_at')
      table.timestamp('updated_at')
      table.timestamp('last_used_at').nullable()
      table.timestamp('expires_at').nullable()
      table.index(['tokenable_id'])
    })
  }

  async down() {
    for (const t of [
      'auth_access_tokens',
      'role_permissions',
      'role_orgs',
      'user_posts',
      'user_roles',
      'roles',
      'users',
    ]) {
      this.schema.dropTable(t)
    }
  }
}

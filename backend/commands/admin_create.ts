import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/*
| The first administrator of a production install (production seeds no account
| and no password). Creates the head-office org and the `admin` role when they
| do not exist, checks the password against the policy, and forces a change at
| first sign-in.
*/
export default class AdminCreate extends BaseCommand {
  static commandName = 'admin:create'
  static description = 'Create a system administrator (the first account of a production install)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Username', default: 'admin' })
  declare username: string

  @flags.string({ description: 'Real name', default: '系统管理员' })
  declare realName: string

  @flags.string({ description: 'Password (asked for when omitted; avoid it in shell history)' })
  declare password?: string

  @flags.string({
    description: 'Head-office org code when the org tree is empty',
    default: '000000',
  })
  declare orgCode: string

  @flags.string({ description: 'Head-office org name when the org tree is empty', default: '总行' })
  declare orgName: string

  async run() {
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const { default: User } = await import('#core/identity/user')
    const { checkPassword, rememberPassword } = await import('#core/identity/password_policy')
    const { syncPlugins } = await import('#core/plugins/sync_enabled')
    const { dbNow } = await import('#core/db/db_time')

    await syncPlugins()
    if (await User.findBy('username', this.username)) {
      this.logger.error(`User "${this.username}" already exists`)
      this.exitCode = 1
      return
    }
    const password =
      this.password ?? ((await this.prompt.secure('Password for the new administrator')) as string)
    const problems = await checkPassword(password, { username: this.username })
    if (problems.length) {
      for (const p of problems) this.logger.error(p.message.zh + ' / ' + p.message.en)
      this.exitCode = 1
      return
    }

    const user = await db.transaction(async (trx) => {
      const now = dbNow()
      let org = await trx.from('orgs').whereNull('parent_id').orderBy('id').first()
      if (!org) {
        const [id] = await trx.table('orgs').insert({
          code: this.orgCode,
          name: this.orgName,
          parent_id: null,
          level: 1,
          path: 'pending',
          sort: 1,
          status: 'active',
          created_at: now,
          updated_at: now,
        })
        await trx
          .from('orgs')
          .where('id', id)
          .update({ path: `/${id}/` })
        org = { id }
      }
      let role = await trx.from('roles').where('code', 'admin').first()
      if (!role) {
        const [id] = await trx.table('roles').insert({
          code: 'admin',
          name: '系统管理员',
          data_scope: 'all',
          sort: 1,
          status: 'active',
          created_at: now,
          updated_at: now,
        })
        role = { id }
      }
      const created = await User.create(
        {
          username: this.username,
          password,
          realName: this.realName,
          orgId: org.id,
          status: 'active',
          mustChangePassword: true,
          failedLogins: 0,
          locale: 'zh-CN',
        },
        { client: trx }
      )
      await trx.table('user_roles').insert({ user_id: created.id, role_id: role.id })
      return created
    })
    await rememberPassword(user.id, user.password)
    const { accessChanged } = await import('#core/identity/access_cache')
    await accessChanged()
    this.logger.success(
      `Administrator "${this.username}" created; the password must be changed at first sign-in`
    )
  }
}

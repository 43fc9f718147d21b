import { BaseCommand, args } from '@adonisjs/core/ace'
export default class MakePlugin extends BaseCommand {
  static commandName = 'make:plugin'
  static description = 'placeholder'
  @args.string()
  declare id: string
  async run() {}
}

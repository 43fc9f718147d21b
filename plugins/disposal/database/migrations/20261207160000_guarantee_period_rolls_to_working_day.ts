import { BaseSchema } from '@adonisjs/lucid/schema'
import { DateTime } from 'luxon'

/*
| Correction of the seeded 保证期间 rule: its last day moves to the next working
| day like every period's (民法典 §203–§204). §692 excludes suspension,
| interruption and extension of the guarantee period, not the counting rule of
| §203; the first seed did not roll "为审慎起见", which shortened the period a
| guarantor owes by up to eight days over National Day. The description is
| replaced only where it is still the seeded text (an administrator's own
| wording stays). The daily recompute moves the stored dates and reminders.
*/
const OLD_DESCRIPTION =
  '合同未约定或约定不明的，保证期间为主债务履行期限届满之日起六个月；不发生中止、中断和延长。为审慎起见，末日不顺延至工作日。'
const NEW_DESCRIPTION =
  '合同未约定或约定不明的，保证期间为主债务履行期限届满之日起六个月；不发生中止、中断和延长（第六百九十二条），但期间末日为法定休假日的，以休假日结束的次日为末日（第二百零三条）。'

export default class extends BaseSchema {
  async up() {
    this.defer(async (db) => {
      const now = DateTime.now().toFormat('yyyy-MM-dd HH:mm:ss')
      await db
        .from('disposal_limitation_rules')
        .where('code', 'guarantee')
        .update({ roll_to_working_day: true, updated_at: now })
      await db
        .from('disposal_limitation_rules')
        .where('code', 'guarantee')
        .where('description', OLD_DESCRIPTION)
        .update({ description: NEW_DESCRIPTION })
    })
  }

  async down() {
    this.defer(async (db) => {
      await db
        .from('disposal_limitation_rules')
        .where('code', 'guarantee')
        .update({ roll_to_working_day: false })
      await db
        .from('disposal_limitation_rules')
        .where('code', 'guarantee')
        .where('description', NEW_DESCRIPTION)
        .update({ description: OLD_DESCRIPTION })
    })
  }
}

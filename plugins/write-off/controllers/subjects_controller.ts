import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { Money } from '#core/money/money'
import { bookApi } from '../../credit-assets/services/book_api.js'
import { readSubjects, subjectKey, type SubjectRef } from '../plans/subjects.js'
import { WriteOffError } from '../plans/write_off_error.js'
import { loadRules } from '../rules/rule_store.js'
import { checkRule } from '../rules/check.js'
import {
  docCodesOf,
  evidenceOf,
  imagingDocuments,
  linkEvidence,
  uploadEvidence,
} from '../evidence/evidence_service.js'
import {
  linkValidator,
  subjectRefValidator,
  subjectSearchValidator,
  uploadValidator,
} from '../validators/write_off.js'
import { refuseUnknownFields } from './helpers.js'

/**
 * 核销对象 (loans and credit-card accounts) for the pages: the RecordPicker's
 * source, one subject with its evidence and every rule's verdict, and the
 * evidence uploads to / links from the 影像平台. All in the caller's scope.
 */
export default class SubjectsController {
  async picker(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(subjectSearchValidator)
    const access = await accessOf(ctx)
    const filters = {
      keyword: input.ids ? undefined : input.keyword || undefined,
      ids: input.ids?.split(',').map(Number),
      status: input.ids ? undefined : 'active',
      page: input.page ?? 1,
      perPage: input.ids ? 50 : (input.perPage ?? 20),
    }
    if (input.kind === 'loan') {
      const page = await bookApi.loans.search(filters, { access })
      return {
        data: page.data.map((l) => ({
          value: l.id,
          label: l.loanNo,
          hint: `余额 ${Money.fromYuan(l.balance).format()} · 逾期 ${l.overdueDays} 天`,
        })),
        total: page.meta.total,
      }
    }
    const page = await bookApi.cardAccounts.search(filters, { access })
    return {
      data: page.data.map((c) => ({
        value: c.id,
        label: `${c.accountNo} ${c.cardNoMasked}`,
        hint: `透支本金 ${Money.fromYuan(c.principal).format()} · 逾期 ${c.overdueDays} 天`,
      })),
      total: page.meta.total,
    }
  }

  private async subject(ctx: HttpContext, ref: SubjectRef) {
    const found = await readSubjects([ref], { access: await accessOf(ctx) })
    const subject = found.get(subjectKey(ref))
    if (!subject) throw new WriteOffError(404, '借据或卡账户不存在或无权访问')
    return subject
  }

  /** One subject: figures, evidence on file, and each enabled rule's verdict. */
  async show(ctx: HttpContext) {
    const ref = await subjectRefValidator.validate(ctx.request.qs())
    const subject = await this.subject(ctx, ref)
    const docs = (await docCodesOf([subject])).get(subjectKey(subject)) ?? new Set<string>()
    const rules = (await loadRules()).filter((r) => r.enabled)
    return {
      subject: {
        ...subject,
        principal: Money.fromFen(subject.principalFen).toYuan(),
        onBalanceInterest: Money.fromFen(subject.onBalanceInterestFen).toYuan(),
        offBalanceInterest: Money.fromFen(subject.offBalanceInterestFen).toYuan(),
        fee: Money.fromFen(subject.feeFen).toYuan(),
      },
      evidence: await evidenceOf(subject),
      rules: rules.map((r) => ({
        ...checkRule(r, subject, docs),
        basis: r.basis,
        requiredDocs: r.requiredDocs,
      })),
    }
  }

  /** What the 影像平台 holds for the subject's customer (to link as evidence). */
  async imaging(ctx: HttpContext) {
    const ref = await subjectRefValidator.validate(ctx.request.qs())
    return { data: await imagingDocuments(await this.subject(ctx, ref)) }
  }

  async upload(ctx: HttpContext) {
    refuseUnknownFields(ctx, ['kind', 'id', 'docCode', 'title', 'fileName', 'content'])
    const input = await ctx.request.validateUsing(uploadValidator)
    const subject = await this.subject(ctx, input)
    const row = await uploadEvidence(subject, input, ctx.auth.getUserOrFail().id)
    await audit.record(ctx, {
      action: 'write-off.evidence.upload',
      entityType: `write-off:${subject.kind}`,
      entityId: subject.id,
      after: { docCode: row.docCode, title: row.title, docNo: row.docNo },
    })
    return ctx.response.created(row)
  }

  async link(ctx: HttpContext) {
    refuseUnknownFields(ctx, ['kind', 'id', 'docCode', 'docNo'])
    const input = await ctx.request.validateUsing(linkValidator)
    const subject = await this.subject(ctx, input)
    const row = await linkEvidence(subject, input, ctx.auth.getUserOrFail().id)
    if (!row) throw new WriteOffError(422, `影像平台没有该客户的资料 ${input.docNo}`)
    await audit.record(ctx, {
      action: 'write-off.evidence.link',
      entityType: `write-off:${subject.kind}`,
      entityId: subject.id,
      after: { docCode: row.docCode, docNo: row.docNo },
    })
    return ctx.response.created(row)
  }
}

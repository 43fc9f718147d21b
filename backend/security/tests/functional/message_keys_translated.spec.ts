import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import HttpExceptionHandler from '#core/exceptions/handler'
import { WorkflowError } from '#core/workflow/workflow_error'

/*
| Issue 12 defect 14 (part): a refusal thrown by the workflow service inside a
| plugin's request (处置预案 submit: `workflow.noApprover`) reached the user as
| its raw key, because only the workflow controller translated it. The error
| handler now answers any keyed refusal in the user's language.
| (backend/i18n/tests/unit/message_keys.spec.ts checks every key in the code has both texts.)
*/
test.group('Security · message keys reach users translated', () => {
  for (const [language, text] of [
    ['zh-CN', '审批节点「分行审批」找不到审批人'],
    ['en', 'Nobody can approve step "分行审批"'],
  ]) {
    test(`a keyed refusal escaping a plugin is answered in ${language}`, async ({ assert }) => {
      const ctx = await testUtils.createHttpContext()
      ctx.request.request.headers['accept-language'] = language
      await new HttpExceptionHandler().handle(
        new WorkflowError(422, 'workflow.noApprover', { node: '分行审批' }),
        ctx
      )
      assert.equal(ctx.response.getStatus(), 422)
      const body = ctx.response.getBody()
      assert.include(body.message, text)
      assert.equal(body.code, 'workflow.noApprover')
    })
  }
})

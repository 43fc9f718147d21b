/*
| The specs' `test`: Playwright's, plus `signIn(username, viewport?)`, a page in
| a fresh browser context signed in as that person — for a second or third
| person in one flow. Its contexts are closed after the test, and, being made
| from the test's `browser`, they are traced and screenshotted on failure too.
*/
import { test as base, expect } from '@playwright/test'
import { login } from './helpers.mjs'

export const test = base.extend({
  signIn: async ({ browser }, use) => {
    const contexts = []
    await use(async (username, viewport = { width: 1440, height: 900 }) => {
      const context = await browser.newContext({ viewport })
      contexts.push(context)
      const page = await context.newPage()
      await login(page, username)
      return page
    })
    for (const context of contexts) await context.close()
  },
})

export { expect }

import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * No API input nests deeper than this (objects and arrays). Real forms stay
 * under ten levels; a deeper body only exists to overflow a recursive walker
 * (validation, canonical JSON, masking), which answered 500 "Maximum call
 * stack size exceeded".
 */
export const MAX_NESTING = 64

/** Depth of a parsed value, walked without recursion so the check itself cannot overflow. */
export function nestingDepth(value: unknown, limit = MAX_NESTING): number {
  let deepest = 0
  const stack: Array<[unknown, number]> = [[value, 0]]
  while (stack.length) {
    const [item, depth] = stack.pop()!
    if (item === null || typeof item !== 'object') continue
    if (depth + 1 > deepest) deepest = depth + 1
    if (deepest > limit) return deepest
    for (const child of Object.values(item)) stack.push([child, depth + 1])
  }
  return deepest
}

/** Refuses a body or query nested past MAX_NESTING with 400, before anything walks it. */
export default class NestingLimitMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const { request } = ctx
    if (nestingDepth(request.body()) > MAX_NESTING || nestingDepth(request.qs()) > MAX_NESTING) {
      return ctx.response.badRequest({
        message: ctx.i18n('http.tooDeep', { max: MAX_NESTING }),
        code: 'TOO_DEEP',
      })
    }
    return next()
  }
}

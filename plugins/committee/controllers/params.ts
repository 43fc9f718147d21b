/** A route's numeric id; anything else (`abc`, `1.5`) matches no record, so it is a 404 like a missing one. */
export function idParam(value: unknown) {
  const id = Number(value)
  return Number.isSafeInteger(id) && id > 0 && String(value) === String(id) ? id : 0
}

/*
| Unknown fields are refused, never ignored (a misspelt summaryProcdure must not be taken for
| "not given"): the core's rule, backend/validators/unknown_fields.ts.
*/
export { refuseUnknown } from '#core/validators/unknown_fields'

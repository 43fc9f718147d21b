/*
| Unknown fields are refused, never ignored (a misspelt summaryProcdure must not be taken for
| "not given"): the core's rule, backend/validation/unknown_fields.ts.
*/
export { refuseUnknown } from '#core/validation/unknown_fields'

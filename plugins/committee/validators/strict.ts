/** Unknown top-level fields are refused, never ignored (the core's rule). */
export { refuseUnknown } from '#core/validation/unknown_fields'

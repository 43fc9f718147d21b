/*
| The part of sanitize-html's API this folder uses. The package ships no types and
| @types/sanitize-html is not installed (one dependency, not two); keep this in step
| with https://github.com/apostrophecms/sanitize-html#readme when upgrading.
*/
declare module 'sanitize-html' {
  namespace sanitizeHtml {
    type Attributes = Record<string, string>
    interface Tag {
      tagName: string
      attribs: Attributes
      text?: string
    }
    type Transformer = (tagName: string, attribs: Attributes) => Tag
    type DisallowedTagsModes = 'discard' | 'escape' | 'recursiveEscape' | 'completelyDiscard'
    interface Options {
      allowedTags?: string[] | false
      allowedAttributes?: Record<string, string[]> | false
      allowedClasses?: Record<string, string[] | boolean>
      allowedStyles?: Record<string, Record<string, RegExp[]>>
      allowedSchemes?: string[]
      allowedSchemesByTag?: Record<string, string[]>
      allowedSchemesAppliedToAttributes?: string[]
      allowProtocolRelative?: boolean
      disallowedTagsMode?: DisallowedTagsModes
      nonTextTags?: string[]
      nestingLimit?: number
      transformTags?: Record<string, string | Transformer>
      parseStyleAttributes?: boolean
    }
  }
  function sanitizeHtml(dirty: string, options?: sanitizeHtml.Options): string
  export default sanitizeHtml
}

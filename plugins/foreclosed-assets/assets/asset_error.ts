/*
| A request the plugin refuses after validation: an unknown asset class, a loan
| that does not exist, an asset already disposed. `status` is what a route
| answers; the message is in both languages because the caller may be another
| plugin's job; `field` names the input at fault.
*/
export class ForeclosedAssetError extends Error {
  constructor(
    readonly status: 404 | 409 | 422,
    readonly zh: string,
    readonly en: string,
    readonly field?: string
  ) {
    super(zh)
  }
}

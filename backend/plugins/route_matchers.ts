/*
| Route parameter matchers core areas share: a URL whose id is not a number is
| not matched at all (404), instead of reaching a controller with `NaN`.
| The same matcher as `router.matchers.number()`, written out because parts are
| imported (by the manifest) before the router service exists, e.g. in commands.
*/
export const numericId = { match: /^[0-9]+$/, cast: (value: string) => Number(value) }

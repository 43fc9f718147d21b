/*
| LIKE with user input: `%` and `_` typed by a user are literal characters,
| never wildcards. '!' is the escape character because a backslash needs
| different quoting in MySQL and SQLite literals. Use with a raw clause:
|   query.whereRaw(LIKE, ['u.username', likeContains(keyword)])
| (`??` binds the column as an identifier; columns come from code only).
*/
export const LIKE = "?? LIKE ? ESCAPE '!'"

/** The text with LIKE's wildcards and the escape character itself made literal. */
export const escapeLike = (value: string | undefined) =>
  (value ?? '').replace(/[!%_]/g, (c) => `!${c}`)

/** Pattern matching values that contain the text. */
export const likeContains = (value: string | undefined) => `%${escapeLike(value)}%`

/** Pattern matching values that start with the text (an index can serve it). */
export const likePrefix = (value: string | undefined) => `${escapeLike(value)}%`

let seq = 0
/** A fresh action name per call, so a test only ever looks at its own rows. */
export const uniqueAction = (name: string) => `test.${name}.${process.pid}_${++seq}`

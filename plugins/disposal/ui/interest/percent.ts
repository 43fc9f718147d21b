/*
| Clerks type rates as percentages ("4.35" for 4.35%, "50" for +50%); the API
| takes decimal fractions ("0.0435", "0.5"). The conversion shifts the decimal
| point on the digits, so no rate ever passes through a JS float.
*/
const DECIMAL = /^(\d*)(?:\.(\d*))?$/

function normalise(whole: string, fraction: string): string {
  const w = whole.replace(/^0+(?=\d)/, '') || '0'
  const f = fraction.replace(/0+$/, '')
  return f ? `${w}.${f}` : w
}

/** "4.35" → "0.0435"; null when the text is not a plain non-negative decimal. */
export function percentToFraction(text: string): string | null {
  const match = DECIMAL.exec(text.trim())
  if (!match || (!match[1] && !match[2])) return null
  const whole = (match[1] || '0').padStart(3, '0')
  return normalise(whole.slice(0, -2), whole.slice(-2) + (match[2] ?? ''))
}

/** "0.0435" → "4.35" */
export function fractionToPercent(text: string): string | null {
  const match = DECIMAL.exec(text.trim())
  if (!match || (!match[1] && !match[2])) return null
  const fraction = (match[2] ?? '').padEnd(2, '0')
  return normalise((match[1] || '0') + fraction.slice(0, 2), fraction.slice(2))
}

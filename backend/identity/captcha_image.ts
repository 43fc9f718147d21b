/*
| The captcha picture: a PNG drawn pixel by pixel on the server. The answer exists
| only as pixels — rotated, scaled and sine-warped glyphs over noise, crossed by
| lines — not as text a script can read out of the image (the old SVG carried
| its letters in <text> elements). Glyphs come from a 5×7 bitmap font; pngjs
| encodes the picture.
*/
import { randomInt } from 'node:crypto'
import { PNG } from 'pngjs'

/* 5×7 glyphs of the captcha alphabet (no 0/O, 1/I/L). */
const FONT: Record<string, string> = {
  A: '01110100011000111111100011000110001',
  B: '11110100011000111110100011000111110',
  C: '01111100001000010000100001000001111',
  D: '11110100011000110001100011000111110',
  E: '11111100001000011110100001000011111',
  F: '11111100001000011110100001000010000',
  G: '01111100001000010111100011000101111',
  H: '10001100011000111111100011000110001',
  J: '00111000100001000010000101001001100',
  K: '10001100101010011000101001001010001',
  M: '10001110111010110101100011000110001',
  N: '10001110011010110011100011000110001',
  P: '11110100011000111110100001000010000',
  Q: '01110100011000110001101011001001101',
  R: '11110100011000111110101001001010001',
  S: '01111100001000001110000010000111110',
  T: '11111001000010000100001000010000100',
  U: '10001100011000110001100011000101110',
  V: '10001100011000110001100010101000100',
  W: '10001100011000110101101011101110001',
  X: '10001100010101000100010101000110001',
  Y: '10001100010101000100001000010000100',
  Z: '11111000010001000100010001000011111',
  2: '01110100010000100010001000100011111',
  3: '11110000010000101110000010000111110',
  4: '00010001100101010010111110001000010',
  5: '11111100001111000001000011000101110',
  6: '00110010001000011110100011000101110',
  7: '11111000010001000100010000100001000',
  8: '01110100011000101110100011000101110',
  9: '01110100011000101111000010001001100',
}

export const CAPTCHA_ALPHABET = Object.keys(FONT).join('')

const WIDTH = 150
const HEIGHT = 50
const rand = (min: number, max: number) => min + (randomInt(0, 10_000) / 10_000) * (max - min)

interface PlacedGlyph {
  bits: string
  cx: number
  cy: number
  cos: number
  sin: number
  scale: number
  color: [number, number, number]
}

function glyphAt(glyph: PlacedGlyph, x: number, y: number): boolean {
  // Back from the picture into the glyph's own 5×7 grid.
  const dx = x - glyph.cx
  const dy = y - glyph.cy
  const gx = (dx * glyph.cos + dy * glyph.sin) / glyph.scale + 2.5
  const gy = (-dx * glyph.sin + dy * glyph.cos) / glyph.scale + 3.5
  if (gx < 0 || gy < 0 || gx >= 5 || gy >= 7) return false
  return glyph.bits[Math.floor(gy) * 5 + Math.floor(gx)] === '1'
}

/** A PNG (as a Buffer) showing `text` distorted. */
export function renderCaptchaPng(text: string): Buffer {
  const png = new PNG({ width: WIDTH, height: HEIGHT })
  const step = (WIDTH - 20) / text.length
  const glyphs: PlacedGlyph[] = [...text].map((ch, i) => {
    const angle = rand(-0.45, 0.45)
    return {
      bits: FONT[ch] ?? FONT.X,
      cx: 10 + step * (i + 0.5) + rand(-4, 4),
      cy: HEIGHT / 2 + rand(-5, 5),
      cos: Math.cos(angle),
      sin: Math.sin(angle),
      scale: rand(4, 5),
      color: [randomInt(10, 90), randomInt(10, 90), randomInt(60, 140)],
    }
  })
  const wave = { ax: rand(2, 4), ay: rand(2, 4), fx: rand(12, 20), fy: rand(10, 18), p: rand(0, 6) }
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const sx = x + wave.ax * Math.sin(y / wave.fy + wave.p)
      const sy = y + wave.ay * Math.sin(x / wave.fx + wave.p)
      const i = (y * WIDTH + x) * 4
      const hit = glyphs.find((g) => glyphAt(g, sx, sy))
      const noise = randomInt(0, 40)
      const [r, g, b] = hit
        ? hit.color
        : [215 + noise, 220 + Math.min(noise, 35), 230 + Math.min(noise, 25)]
      png.data[i] = r
      png.data[i + 1] = g
      png.data[i + 2] = b
      png.data[i + 3] = 255
    }
  }
  // Lines across the glyphs and scattered specks, in glyph-like colours.
  for (let l = 0; l < 6; l++) {
    const [x1, y1, x2, y2] = [rand(0, WIDTH), rand(0, HEIGHT), rand(0, WIDTH), rand(0, HEIGHT)]
    const color = [randomInt(20, 160), randomInt(20, 160), randomInt(60, 180)]
    const steps = Math.ceil(Math.hypot(x2 - x1, y2 - y1))
    for (let s = 0; s <= steps; s++) {
      const x = Math.round(x1 + ((x2 - x1) * s) / steps)
      const y = Math.round(y1 + ((y2 - y1) * s) / steps)
      if (x < 0 || y < 0 || x >= WIDTH || y >= HEIGHT) continue
      png.data.set(color, (y * WIDTH + x) * 4)
    }
  }
  for (let d = 0; d < 220; d++) {
    const i = (randomInt(0, HEIGHT) * WIDTH + randomInt(0, WIDTH)) * 4
    png.data.set([randomInt(0, 160), randomInt(0, 160), randomInt(0, 200)], i)
  }
  return PNG.sync.write(png)
}

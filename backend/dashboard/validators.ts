import vine from '@vinejs/vine'

/* 首页视图 input: a layout on the 12-column grid, and the shortcut list. */
const cell = (max: number) => vine.number().withoutDecimals().range([0, max])

export const layoutValidator = vine.compile(
  vine.object({
    items: vine
      .array(
        vine.object({
          i: vine.string().trim().minLength(1).maxLength(100),
          x: cell(11),
          y: cell(1000),
          w: vine.number().withoutDecimals().range([1, 12]),
          h: vine.number().withoutDecimals().range([2, 40]),
        })
      )
      .maxLength(60),
  })
)

export const shortcutsValidator = vine.compile(
  vine.object({
    codes: vine.array(vine.string().trim().minLength(1).maxLength(100)).maxLength(16),
  })
)

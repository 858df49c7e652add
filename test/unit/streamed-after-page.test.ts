import { expect, test, vi } from 'vitest'
import { streamedAfterPage } from '#app/utils/responses.server.ts'

test('the work runs after the loader returns, and its result reaches whoever awaits it', async () => {
  const order: string[] = []
  const streamed = streamedAfterPage(() => {
    order.push('work')
    return 42
  })
  order.push('loader returned')
  expect(await streamed).toBe(42)
  expect(order).toEqual(['loader returned', 'work'])
})

test('a failure still reaches the page, and one nobody reads is no unhandled rejection', async () => {
  const unhandled = vi.fn()
  process.on('unhandledRejection', unhandled)
  try {
    streamedAfterPage(() => {
      throw new Error('the reader left')
    })
    await expect(
      streamedAfterPage(() => {
        throw new Error('database closed')
      }),
    ).rejects.toThrow('database closed')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(unhandled).not.toHaveBeenCalled()
  } finally {
    process.off('unhandledRejection', unhandled)
  }
})

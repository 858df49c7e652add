import { describe, expect, test } from 'vitest'
import { isFlat, memorySampler, type MemoryPeaks } from '#bench/memory.ts'

const mb = 2 ** 20

/** A sampler over a scripted process: `usage` is what the next read sees, `clock` the time. */
function scripted(options: { gapMs?: number; collect?: () => void } = {}) {
  const state = { usage: { rss: 100 * mb, heapUsed: 20 * mb, external: 1 * mb }, clock: 0, reads: 0 }
  const sampler = memorySampler({
    ...options,
    everyMs: 60_000,
    read: () => {
      state.reads++
      return { ...state.usage }
    },
    now: () => state.clock,
  })
  return { state, sampler }
}

describe('the bench memory sampler', () => {
  test('keeps the peaks over the starting point, not the last reading', () => {
    const { state, sampler } = scripted()
    state.clock = 5
    state.usage = { rss: 180 * mb, heapUsed: 60 * mb, external: 9 * mb }
    sampler.sample()
    state.clock = 10
    state.usage = { rss: 150 * mb, heapUsed: 30 * mb, external: 2 * mb }
    expect(sampler.stop()).toEqual({ rssMb: 180, heapGrowthMb: 40, externalGrowthMb: 8 })
  })

  test('reads at most once a gap however often a writer asks', () => {
    const { state, sampler } = scripted({ gapMs: 1 })
    const before = state.reads
    state.clock = 0.5
    sampler.sample()
    sampler.sample()
    expect(state.reads).toBe(before)
    state.clock = 1.5
    sampler.sample()
    sampler.sample()
    expect(state.reads).toBe(before + 1)
    sampler.stop()
  })

  test('collects the garbage before every reading when asked to', () => {
    const order: string[] = []
    const { state, sampler } = scripted({ collect: () => order.push('collect') })
    state.clock = 2
    sampler.sample()
    sampler.stop()
    expect(order).toHaveLength(state.reads)
  })
})

describe('flat memory', () => {
  const held = (heapGrowthMb: number, externalGrowthMb = 0): MemoryPeaks => ({
    rssMb: 200,
    heapGrowthMb,
    externalGrowthMb,
  })

  test('a batch held whatever the size of the desk is flat', () => {
    expect(isFlat(held(7), held(6.5))).toBe(true)
  })

  test('what grows with the rows is not, in the heap or in buffers', () => {
    expect(isFlat(held(26), held(4))).toBe(false)
    expect(isFlat(held(4, 22), held(4, 2))).toBe(false)
  })

  test('nor is a run that holds more than the bound, even for a tenth of the desk', () => {
    expect(isFlat(held(40), held(38))).toBe(false)
  })
})

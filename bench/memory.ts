// Peak memory of one bulk run, and what "memory flat" means for it (DESIGN.md's CSV target).

const mb = 2 ** 20

export type MemoryPeaks = {
  /** The process's peak resident set, in MB. */
  rssMb: number
  /** How far V8's used heap rose over the run's starting point, in MB; garbage included unless collected first. */
  heapGrowthMb: number
  /** The same for memory outside the heap that JS objects hold: Buffers, a zip's pending entries. */
  externalGrowthMb: number
}

type Usage = Pick<NodeJS.MemoryUsage, 'rss' | 'heapUsed' | 'external'>

/**
 * Samples `process.memoryUsage()` on a timer and whenever `sample()` is called. Timers do
 * not fire while a batch is read synchronously, so writers call `sample()` per chunk; it
 * reads at most once every `gapMs`, because a reading costs tens of µs and CSV writes a
 * chunk per row.
 * With `collect` (global.gc), each sample first collects the garbage: the peak is then the
 * most the run held at once, not how much garbage V8 let pile up before collecting it.
 */
export function memorySampler({
  everyMs = 25,
  gapMs = 5,
  collect,
  read = () => process.memoryUsage(),
  now = () => performance.now(),
}: { everyMs?: number; gapMs?: number; collect?: () => void; read?: () => Usage; now?: () => number } = {}) {
  collect?.()
  const baseline = read()
  const peak = { ...baseline }
  let last = now()
  const take = () => {
    collect?.()
    const usage = read()
    peak.rss = Math.max(peak.rss, usage.rss)
    peak.heapUsed = Math.max(peak.heapUsed, usage.heapUsed)
    peak.external = Math.max(peak.external, usage.external)
    last = now()
  }
  const timer = setInterval(take, everyMs)
  return {
    sample() {
      if (now() - last >= gapMs) take()
    },
    stop(): MemoryPeaks {
      clearInterval(timer)
      take()
      return {
        rssMb: peak.rss / mb,
        heapGrowthMb: (peak.heapUsed - baseline.heapUsed) / mb,
        externalGrowthMb: (peak.external - baseline.external) / mb,
      }
    },
  }
}

/**
 * A streamed export holds a batch or so, never the file. Measured with the garbage
 * collected before each sample, its heap and buffers may rise by at most `maxGrowthMb`
 * over the whole desk, and by at most `maxGrowthFromTenthMb` more for the whole desk than
 * for its first tenth. The other nine tenths of a 100k-claim file are 26 MB (XLSX) to
 * 145 MB (JSON): a writer that kept even a third of what it wrote would overshoot.
 */
export const flatMemory = { maxGrowthMb: 32, maxGrowthFromTenthMb: 8 }

/** What a run held at most, heap and buffers together. */
export const heldMb = (peaks: MemoryPeaks) => peaks.heapGrowthMb + peaks.externalGrowthMb

/** `all` and `tenth` are runs with the garbage collected before each sample. */
export function isFlat(all: MemoryPeaks, tenth: MemoryPeaks, limits = flatMemory) {
  return heldMb(all) <= limits.maxGrowthMb && heldMb(all) - heldMb(tenth) <= limits.maxGrowthFromTenthMb
}

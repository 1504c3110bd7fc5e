/** Timing checks for answers that must not tell who is known (sign-in of clients and staff). */

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/**
 * Times `request` for each pair back to back and returns the median of the paired differences.
 * Who goes first alternates, so whatever favours the first (or second) of two requests cancels
 * out, and a machine that slows down mid-run moves both sides of a pair alike.
 */
export async function pairedGap(name: string, pairs: [string, string][], request: (value: string) => Promise<unknown>) {
  for (let i = 0; i < 6; i++) await request(`warmup${i}-${name}@example.com`)
  const first: number[] = []
  const second: number[] = []
  const timed = async (value: string) => {
    const started = performance.now()
    await request(value)
    return performance.now() - started
  }
  for (const [i, [a, b]] of pairs.entries()) {
    if (i % 2 === 0) {
      first.push(await timed(a))
      second.push(await timed(b))
    } else {
      second.push(await timed(b))
      first.push(await timed(a))
    }
  }
  const gap = Math.abs(median(first.map((took, i) => took - second[i]!)))
  console.log(
    `${name}: ${median(first).toFixed(2)} ms against ${median(second).toFixed(2)} ms, gap ${gap.toFixed(2)} ms`,
  )
  return gap
}

/**
 * The smallest gap of up to three measurements, each on fresh pairs: a real difference in work
 * shows in every one, while a busy machine (other test files running beside this one) can
 * spoil one measurement but rarely three.
 */
export async function steadyGap(under: number, measure: (attempt: number) => Promise<number>) {
  let least = Number.POSITIVE_INFINITY
  for (let attempt = 0; attempt < 3 && least >= under; attempt++) least = Math.min(least, await measure(attempt))
  return least
}

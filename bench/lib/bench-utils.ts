// Shared by the benchmarks that run inside the app (medusa exec).

const args: string[] = JSON.parse(process.env.BENCH_ARGS || "[]")

/** `--quick`: the small size CI runs (timings printed, only results checked). */
export const quick = args.includes("--quick")

/** `--name value` from the benchmark's command line, as a number; else the quick or full default. */
export const opt = (name: string, fallback: number, quickFallback?: number) => {
  const i = args.indexOf(`--${name}`)
  if (i >= 0) {
    return Number(args[i + 1])
  }
  return quick && quickFallback !== undefined ? quickFallback : fallback
}

/** One figure as a `name: value unit` line. */
export const print = (name: string, value: number | string, unit: string) =>
  process.stdout.write(`${name}: ${typeof value === "number" ? value.toFixed(2) : value} ${unit}\n`)

/**
 * A result the benchmark must get right (counts, balances): a wrong one
 * stops it with an error, so `medusa exec` and `npm run bench` exit non-zero.
 * Timings are never checked.
 */
export function check(name: string, ok: boolean, detail: string) {
  if (!ok) {
    throw new Error(`bench check failed: ${name}: ${detail}`)
  }
  process.stdout.write(`check_${name}: ok (${detail})\n`)
}

export const now = () => Number(process.hrtime.bigint()) / 1e6

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** The process's peak resident memory so far, in MB (what the OS counts). */
export const peakRssMb = () => process.resourceUsage().maxRSS / 1024

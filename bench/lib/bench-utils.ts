// Shared by the benchmarks that run inside the app (medusa exec).

const args: string[] = JSON.parse(process.env.BENCH_ARGS || "[]")

/** `--name value` from the benchmark's command line, as a number. */
export const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args[i + 1]) : fallback
}

/** One figure as a `name: value unit` line. */
export const print = (name: string, value: number | string, unit: string) =>
  process.stdout.write(`${name}: ${typeof value === "number" ? value.toFixed(2) : value} ${unit}\n`)

export const now = () => Number(process.hrtime.bigint()) / 1e6

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

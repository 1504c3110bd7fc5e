import { spawn } from 'node:child_process'

export type Figures = { rps: number; requests: number; p50: number; p99: number; non2xx: number; errors: number }

/** One autocannon round in its own process, so the load does not share the server's event loop. */
export async function load(url: string, headers: Record<string, string>, seconds: number): Promise<Figures> {
  const args = ['autocannon', '-j', '-c', '50', '-d', String(seconds)]
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}=${value}`)
  args.push(url)
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn('npx', args, { stdio: ['ignore', 'pipe', 'ignore'] })
    let text = ''
    child.stdout.on('data', (chunk) => {
      text += chunk
    })
    child.once('error', reject)
    child.once('exit', () => resolve(text))
  })
  const result = JSON.parse(out)
  return {
    rps: result.requests.average,
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}

import { useCallback, useEffect, useState } from 'preact/hooks'

export type Loaded<T> =
  | { state: 'loading'; reload: () => void }
  | { state: 'error'; error: unknown; reload: () => void }
  | { state: 'ready'; data: T; reload: () => void; refreshing: boolean }

/** Loads once on mount; `reload` keeps showing the old data while fetching again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []): Loaded<T> {
  const [result, setResult] = useState<
    { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; data: T }
  >({
    state: 'loading',
  })
  const [refreshing, setRefreshing] = useState(false)
  const [round, setRound] = useState(0)
  useEffect(() => {
    let live = true
    setRefreshing(true)
    load().then(
      (data) => {
        if (!live) return
        setResult({ state: 'ready', data })
        setRefreshing(false)
      },
      (error) => {
        if (!live) return
        // A failed reload keeps what the client was already looking at.
        setResult((old) => (old.state === 'ready' && round > 0 ? old : { state: 'error', error }))
        setRefreshing(false)
      },
    )
    return () => {
      live = false
    }
  }, [round, ...deps])
  const reload = useCallback(() => setRound((r) => r + 1), [])
  return result.state === 'ready' ? { ...result, reload, refreshing } : { ...result, reload }
}

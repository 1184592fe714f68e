/**
 * Values a hot path keeps in the process instead of computing or fetching them again: at most
 * `max` (past that it starts over, a bound on memory rather than an eviction policy), each for
 * `ttlMs` when given, else for the life of the process.
 */
export class KeptValues<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(private readonly options: { max: number; ttlMs?: number }) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.expiresAt <= Date.now()) return undefined;
    return entry.value;
  }

  /** Keeps the value; returns it. */
  set(key: string, value: V): V {
    const { max, ttlMs } = this.options;
    if (this.entries.size >= max) this.entries.clear();
    const expiresAt =
      ttlMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + ttlMs;
    this.entries.set(key, { value, expiresAt });
    return value;
  }
}

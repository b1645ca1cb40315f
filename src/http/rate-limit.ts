// A sliding-window rate limit per key (the client's address), kept in this process's memory. Enough for one server
// process: behind several processes each keeps its own count, so the effective limit is that many times higher;
// behind a reverse proxy set GONGKAI_TRUST_PROXY, or every citizen shares the proxy's address (and its limit).
// Time comes from the injected clock, so tests move it instead of waiting.

export interface RateLimit {
  /** Whether the key may act now; when not, the time (ms since epoch) at which it may again. */
  check(key: string, now: number): { allowed: true } | { allowed: false; retryAt: number };
  /** Count one action of the key. */
  hit(key: string, now: number): void;
}

/** At most `max` actions per `windowMs` per key. Keys are forgotten once their window has passed. */
export function rateLimit(max: number, windowMs: number, maxKeys = 100_000): RateLimit {
  const hits = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const list = (hits.get(key) ?? []).filter((t) => t > now - windowMs);
    if (list.length === 0) hits.delete(key);
    else hits.set(key, list);
    return list;
  };
  return {
    check(key, now) {
      const list = recent(key, now);
      if (list.length < max) return { allowed: true };
      return { allowed: false, retryAt: (list[list.length - max] as number) + windowMs };
    },
    hit(key, now) {
      // A flood of distinct addresses must not grow the map without bound: drop the oldest keys first.
      if (!hits.has(key) && hits.size >= maxKeys) {
        const oldest = hits.keys().next().value;
        if (oldest !== undefined) hits.delete(oldest);
      }
      hits.set(key, [...recent(key, now), now]);
    },
  };
}

/** The limiter key of a request: its address, or one shared bucket when there is none (in-process tests). */
export const limitKey = (address: string | null) => address ?? 'unknown';

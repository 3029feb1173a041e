/** The platform's JS heap as its own Prometheus metrics (prom-client's defaults) tell it, in MiB. */
export interface PlatformHeap {
  heapTotalMiB: number;
  heapUsedMiB: number;
  /** Memory of Buffers and other objects outside the JS heap (Kafka batches, for one). */
  externalMiB: number;
}

/** GET <url>/metrics; undefined when the platform does not answer in time. */
export async function readPlatformHeap(url: string): Promise<PlatformHeap | undefined> {
  try {
    const response = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(2_000) });
    const text = await response.text();
    const mib = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([\\d.e+]+)$`, 'm').exec(text)?.[1] ?? NaN) / 1024 ** 2;
    return {
      heapTotalMiB: mib('nodejs_heap_size_total_bytes'),
      heapUsedMiB: mib('nodejs_heap_size_used_bytes'),
      externalMiB: mib('nodejs_external_memory_bytes'),
    };
  } catch {
    return undefined;
  }
}

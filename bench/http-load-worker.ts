// Runs in a worker thread so the load generator does not compete with the session for its event loop.
declare const self: Worker;

/** What the main thread asks for: `total` GETs of `url` from `concurrency` clients, stopping early at `maxMs`. */
export interface LoadRequest {
  url: string;
  token: string;
  concurrency: number;
  total: number;
  maxMs: number;
}

/** What the worker reports back. */
export interface LoadReport {
  elapsedMs: number;
  ok: number;
  failed: number;
  latenciesMs: number[];
}

self.onmessage = async (message: MessageEvent<LoadRequest>) => {
  const { url, token, concurrency, total, maxMs } = message.data;
  const headers = { Authorization: `Bearer ${token}` };
  const start = performance.now();
  let issued = 0;
  let ok = 0;
  let failed = 0;
  const latenciesMs: number[] = [];
  const client = async () => {
    while (issued < total && performance.now() - start < maxMs) {
      issued++;
      const t0 = performance.now();
      try {
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        if (res.status === 200) ok++;
        else failed++;
      } catch {
        failed++;
      }
      latenciesMs.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const report: LoadReport = { elapsedMs: performance.now() - start, ok, failed, latenciesMs };
  postMessage(report);
};

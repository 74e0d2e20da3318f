// Runs in a worker thread so the load generator does not compete with the server for its event loop.
declare const self: Worker;

/** What the main thread asks for. */
export interface LoadRequest {
  url: string;
  token: string;
  concurrency: number;
  total: number;
}

/** What the worker reports back. */
export interface LoadReport {
  elapsedMs: number;
  ok: number;
  failed: number;
  latenciesMs: number[];
}

self.onmessage = async (message: MessageEvent<LoadRequest>) => {
  const { url, token, concurrency, total } = message.data;
  const headers = { Authorization: `Bearer ${token}` };
  let issued = 0;
  let ok = 0;
  let failed = 0;
  const latenciesMs: number[] = [];
  const client = async () => {
    while (issued < total) {
      issued++;
      const t0 = performance.now();
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      latenciesMs.push(performance.now() - t0);
      if (res.status === 200) ok++;
      else failed++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, client));
  const report: LoadReport = { elapsedMs: performance.now() - start, ok, failed, latenciesMs };
  postMessage(report);
};

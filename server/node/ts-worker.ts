import { Worker, type WorkerOptions } from 'node:worker_threads';

/** A worker thread running a TypeScript module: tsx loads it there as it loads the server. */
export function tsWorker(module: URL, options: WorkerOptions = {}): Worker {
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const code = `import(${tsx}).then(({ tsImport }) => tsImport(${JSON.stringify(module.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(code, { ...options, eval: true });
}

import type { INestApplicationContext } from '@nestjs/common';
import { startApi, type RunningApi } from './api-harness';
import { startWorker } from './worker-harness';

export interface RunningSystem {
  readonly api: RunningApi;
  readonly worker: INestApplicationContext;
  stop(): Promise<void>;
}

/** api + worker on the file's own database and queue prefix, as `npm start` runs them. */
export async function startSystem(): Promise<RunningSystem> {
  const api = await startApi();
  const worker = await startWorker();
  return {
    api,
    worker,
    stop: async () => {
      await worker.close();
      await api.close();
    },
  };
}

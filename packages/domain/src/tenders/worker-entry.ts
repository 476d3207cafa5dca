/** The worker thread started by `findConsortiaInWorker`: solves the one problem it was given and posts the reply. */
import { parentPort, workerData } from 'node:worker_threads';
import { answerConsortiumRequest, type ConsortiumRequest } from './worker-task.ts';

parentPort?.postMessage(await answerConsortiumRequest(workerData as ConsortiumRequest));

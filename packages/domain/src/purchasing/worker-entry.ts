/** The worker thread started by `runInWorker`: runs the one request it was given and posts the reply. */
import { parentPort, workerData } from 'node:worker_threads';
import { answerWorkerRequest, type WorkerRequest } from './worker-tasks.ts';

parentPort?.postMessage(await answerWorkerRequest(workerData as WorkerRequest));

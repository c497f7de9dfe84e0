import { parentPort, workerData } from 'node:worker_threads';
import { encodePart, writeCsvPart, type CsvPartInput } from './seed.store-csv';

// Worker thread of writeCsvParts: writes one share of the bulk files and posts progress, then the result.
writeCsvPart(workerData as CsvPartInput, (records) => parentPort!.postMessage({ records })).then(
  (result) => parentPort!.postMessage({ result: encodePart(result) }),
  (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) }),
);

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileEventStore, MemoryEventStore } from '../src/store/index.js';
import { storeConformance } from './store-conformance.js';

storeConformance('MemoryEventStore', () => Promise.resolve(new MemoryEventStore()));
storeConformance(
  'FileEventStore',
  () => FileEventStore.open(mkdtempSync(join(tmpdir(), 'matchline-store-'))),
  { reopen: (store) => FileEventStore.open((store as FileEventStore).directory) },
);

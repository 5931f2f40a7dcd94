import Store, { type Options } from 'electron-store';
import { writeFileAtomicSync } from './atomic-file';

type Writable = { _write?: (value: unknown) => void; _serialize: (value: unknown) => string };

/**
 * An electron-store whose file writes cannot be silently short. electron-store (through conf)
 * writes with `atomically`, whose writeFileSync issues a single write and does not check that every
 * byte went out: on a full disk it renames a truncated file into place and reports success. The
 * full-disk fault test (test/unit/services/storage-faults.test.ts) caught a draft saved that way.
 * So the store keeps electron-store's reading, parsing and refusal of corrupt files
 * (`clearInvalidConfig: false`), and its one write method is replaced by writeFileAtomicSync,
 * which writes every byte or throws. conf declares `_write` private, hence the runtime check: an
 * electron-store upgrade that renames it fails here, loudly, not on a clerk's full disk.
 */
export function openStore(options: Options<Record<string, unknown>>): Store<Record<string, unknown>> {
  const store = new Store<Record<string, unknown>>({ clearInvalidConfig: false, ...options });
  const writable = store as unknown as Writable;
  if (typeof writable._write !== 'function' || typeof writable._serialize !== 'function')
    throw new Error('electron-store no longer has _write/_serialize: revisit electron/services/store.ts');
  writable._write = (value) => writeFileAtomicSync(store.path, writable._serialize(value));
  return store;
}

import { Module } from 'node:module';
import path from 'node:path';

export type N8nRuntime = typeof import('../../../scripts/n8n-runtime/index.mjs', {
  with: { 'resolution-mode': 'import' },
});

const ENTRY = path.resolve(__dirname, '../../../scripts/n8n-runtime/index.mjs');

/**
 * The runtime is plain ESM so that `npm start` runs it without a build step, but
 * jest's own module registry cannot load ESM (short of --experimental-vm-modules).
 * Node's loader can (require of ES modules, Node >= 20.19), so the runtime is
 * loaded by it, outside jest's sandbox: it only spawns processes and makes HTTP
 * calls, which need no mocking, and its exit hooks land on the real process.
 */
export function loadN8nRuntime(): N8nRuntime {
  const loader = new (Module as unknown as new (id: string) => NodeJS.Module)(ENTRY);
  try {
    return loader.require(ENTRY) as N8nRuntime;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_REQUIRE_ESM') {
      throw new Error(`The end-to-end tests need Node >= 20.19 (require of ES modules); this is ${process.version}.`);
    }
    throw error;
  }
}

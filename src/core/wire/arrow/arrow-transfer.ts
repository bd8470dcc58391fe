import { Table } from '@uwdata/flechette';
import { ArrowFormatError } from './arrow-format-error.ts';
import type { ArrowInput } from './read-arrow.ts';

/** True for what may stand as an Arrow page by itself: IPC bytes or a flechette Table. */
export function isArrowInput(value: unknown): value is ArrowInput {
  return value instanceof Uint8Array || value instanceof ArrayBuffer || value instanceof Table;
}

/**
 * Arrow input as bytes to post to a Worker, with the buffers to transfer: bytes move without a copy
 * (and are detached here); a Table, made of class instances a structured clone would strip, is
 * written to IPC first (its writer loads only then, so pages that bring bytes never pay for it).
 */
export async function arrowTransfer(input: ArrowInput): Promise<{ bytes: Uint8Array | ArrayBuffer; transfer: ArrayBuffer[] }> {
  if (input instanceof ArrayBuffer) return { bytes: input, transfer: [input] };
  if (input instanceof Uint8Array) return { bytes: input, transfer: input.buffer instanceof ArrayBuffer ? [input.buffer] : [] };
  if (!(input instanceof Table)) throw new ArrowFormatError('', 'got a table that is not a flechette Table: pass its IPC bytes instead');
  const { tableToIPC } = await import('./table-to-ipc.ts');
  const bytes = tableToIPC(input, { format: 'stream' })!;
  return { bytes, transfer: [bytes.buffer as ArrayBuffer] };
}

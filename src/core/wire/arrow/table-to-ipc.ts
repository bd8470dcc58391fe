/** flechette's IPC writer on its own, so that a dynamic import of it splits the writer into its own chunk. */
export { tableToIPC } from '@uwdata/flechette';

// flechette (pinned) decodes one IPC message at a time in this module; the kit walks a stream's
// messages with it to check the framing before reading the data (see check-ipc-framing.ts).
declare module '@uwdata/flechette/src/decode/message.js' {
  export function decodeMessage(buf: Uint8Array, index: number): { type: number; index: number; content?: unknown } | null;
}

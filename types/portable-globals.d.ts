/**
 * The web platform globals that browsers, Workers and Node (≥ 20) all have: the only ones code
 * under src/core/ may use (tsconfig.core.json has no DOM and no Node types). Members are the ones
 * core needs; add one here when core needs it, after checking that all three runtimes have it.
 */

interface TextDecodeOptions {
  stream?: boolean;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  readonly fatal: boolean;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: TextDecodeOptions): string;
}

declare class TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array<ArrayBuffer>;
}

declare class URL {
  constructor(url: string | URL, base?: string | URL);
  readonly origin: string;
  href: string;
  protocol: string;
  host: string;
  hostname: string;
  port: string;
  pathname: string;
  search: string;
  hash: string;
  toString(): string;
}

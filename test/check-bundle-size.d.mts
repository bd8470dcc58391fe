export declare const KIB: number;
export declare const BUDGETS: { kit: number; core: number };
/** Source modules (paths from the repository root) that must never be in the first paint. */
export declare const LAZY_ONLY: RegExp[];
export interface BundleSizes {
  /** The first paint: dist/conversation-reports.js and every chunk it imports statically. */
  kit: { bytes: number; files: string[] };
  core: { bytes: number; files: string[] };
  lazy: { file: string; bytes: number }[];
  workers: { file: string; bytes: number }[];
  /** dist/conversation-reports.standalone.js, when built. */
  standalone: { bytes: number; files: string[] } | null;
}
export interface ModuleShare {
  /** Path from the repository root, e.g. `src/i18n/fr/common.ts` or `node_modules/echarts/lib/core/echarts.js`. */
  module: string;
  /** Its package (`echarts`, `@lit/context`) or source folder. */
  group: string;
  /** Estimated share of the gzip size. */
  bytes: number;
}
/** `files` of `dist` gzipped together (level 9). */
export declare function gzippedSize(dist: string, files: string[]): number;
export declare function bundleSizes(dist: string): BundleSizes;
export declare function firstPaintModules(dist: string, files?: string[]): ModuleShare[] | null;
export declare function byGroup(modules: ModuleShare[]): { group: string; bytes: number }[];

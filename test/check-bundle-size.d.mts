export declare const KIB: number;
export declare const BUDGETS: { kit: number; core: number };
export interface BundleSizes {
  kit: { bytes: number; files: string[] };
  core: { bytes: number; files: string[] };
  lazy: { file: string; bytes: number }[];
  workers: { file: string; bytes: number }[];
  /** dist/conversation-reports.standalone.js, when built. */
  standalone: { bytes: number; files: string[] } | null;
}
export declare function bundleSizes(dist: string): BundleSizes;

// Types for scripts/ensure-builds.mjs, which the end-to-end tests import.
export interface Build {
  title: string;
  dir: string;
  entry: string;
  sources: string[];
  command: string[];
  lock: string;
  timeout: number;
}
export const BUILDS: { console: Build; h5: Build };
export function isFresh(b: Build): boolean;
export function ensureBuilt(name: 'console' | 'h5', log?: (line: string) => void): Promise<boolean>;

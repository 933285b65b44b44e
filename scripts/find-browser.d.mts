export declare const BROWSER_HINT: string;
export declare function findChromium(options?: {
  systemPath?: string;
  bundledPath?: () => string | null;
}): string | null;

/** The absolute path of the Electron executable when the runtime is really installed, else null. */
export function findElectronBinary(options?: {
  packageDir?: string;
  env?: Record<string, string | undefined>;
}): string | null;

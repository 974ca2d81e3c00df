// Types for app-package.mjs, so TypeScript tests can import it without allowJs.
import type { TeamsManifestV1D30 } from '@microsoft/app-manifest';

/** The schema version appPackage/manifest.json uses; change both together. */
export type ChorusManifest = TeamsManifestV1D30.TeamsManifestV1D30;
export declare const ROOT_DIR: string;

export declare class PackageError extends Error {
  constructor(message: string, problems?: string[]);
  readonly problems: string[];
}

export interface BuildOptions {
  /** environment name; reads env/.env.<envName> (default "dev") */
  envName?: string;
  /** where the zip and the filled manifest go (default appPackage/build) */
  outDir?: string;
  /** explicit env file instead of env/.env.<envName> */
  envFile?: string;
  /** folder with manifest.json, localization files and icons (default appPackage) */
  appPackageDir?: string;
  /** values that win over the env file (the CLI passes process.env) */
  overrides?: Record<string, string | undefined>;
}

export interface BuildResult {
  zipPath: string;
  /** the filled manifest, written as manifest.<env>.json next to the zip */
  manifestPath: string;
  manifest: ChorusManifest;
  /** names at the zip root */
  files: string[];
}

export declare function parseEnvFile(text: string): Record<string, string>;
export declare function findPlaceholders(text: string): string[];
export declare function fillPlaceholders(
  text: string,
  vars: Record<string, string | undefined>,
): { text: string; missing: string[] };
export declare function validateManifestFile(manifestPath: string): Promise<string[]>;
export declare function validateLocalization(localization: Record<string, unknown>): Promise<string[]>;
export declare function buildAppPackage(options?: BuildOptions): Promise<BuildResult>;

/** Types for check-electron.mjs (plain JS so `npm start` can run it before anything is built). */
export declare function electronBinaryPath(options?: { packageDir?: string; env?: NodeJS.ProcessEnv }): string | null;

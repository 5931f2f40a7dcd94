/** The executable the `electron` package would start, or null when it is not on disk (see electron-binary.mjs). */
export function electronBinary(env?: Record<string, string | undefined>): string | null;

import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type Log = (level: 'info' | 'warn' | 'error', message: string) => void;

/** Past this size the log is renamed to nianbao.log.1 and started afresh: two files at most. */
const MAX_LOG_BYTES = 1024 * 1024;

/**
 * A plain-text log in the data folder. The clerk never reads it; whoever helps them does, so it
 * records what the user was told and the technical detail behind it. Logging never throws: a
 * full disk must not turn a reported failure into a crash.
 */
export function fileLog(folder: string): Log {
  const file = join(folder, 'nianbao.log');
  return (level, message) => {
    const line = `${new Date().toISOString()} ${level.toUpperCase()} ${printable(message)}\n`;
    if (level !== 'info') process.stderr.write(line);
    try {
      mkdirSync(folder, { recursive: true });
      if (statSize(file) > MAX_LOG_BYTES) renameSync(file, `${file}.1`);
      appendFileSync(file, line);
    } catch {
      // Nowhere left to write; stderr above has it.
    }
  };
}

/* eslint-disable no-control-regex -- escaping control characters is the point */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/* eslint-enable no-control-regex */

/**
 * One entry, one readable line: a corrupt draft's parse error quotes the file's bytes, and raw
 * control characters in the log would break lines and turn the file into "binary" for grep.
 */
export function printable(message: string): string {
  return message.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function statSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

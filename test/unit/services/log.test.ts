import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileLog, printable } from '../../../electron/services/log';
import { tempDir } from './helpers';

describe('the log', () => {
  it('keeps a corrupt file’s quoted bytes on one readable line', () => {
    expect(printable('bad\u0000\nbytes\u001b')).toBe('bad\\u0000\\u000abytes\\u001b');
    const dir = tempDir();
    fileLog(dir)('info', 'drafts/x.json is corrupt ("\u0000\u0007)\n<" is not valid JSON)');
    const text = readFileSync(join(dir, 'nianbao.log'), 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(1);
    expect([...text].some((c) => c.charCodeAt(0) < 0x09)).toBe(false);
    expect(text).toContain('\\u0007');
  });
});

import { describe, expect, it } from 'vitest';
import { parseKeptUnfinished } from '../../renderer/wizard/unfinished-kept';
import { listRowKey, stillThere, type Unfinished } from '../../renderer/wizard/unfinished';

/**
 * Refused entries kept across a reload come back as they were typed; what the storage holds may
 * be damaged or written by another version, and must then read as nothing rather than break the wizard.
 */
const penalty: Unfinished = {
  key: 't2.penalty',
  name: '行政处罚，本年处理决定数量',
  text: '1.4',
  message: { key: 'input.countFraction', params: { text: '1.4' } },
  step: 's2',
  field: 't2.penalty',
};
const issuedOn: Unfinished = {
  key: 'issuedOn',
  name: '成文日期',
  text: '2027年2月30日',
  message: { key: 'input.date.noSuchDay', params: { text: '2027年2月30日' } },
  step: '@basic',
};

describe('refused entries kept for the next start', () => {
  it('come back as typed, with their message and step', () => {
    expect(parseKeptUnfinished(JSON.stringify([penalty, issuedOn]))).toEqual([penalty, issuedOn]);
  });

  it('read as none from damaged or foreign text, keeping the entries that are whole', () => {
    for (const text of [null, '', '{', 'null', '{"key":"x"}', '"1.4"'])
      expect(parseKeptUnfinished(text), String(text)).toEqual([]);
    const { message: _message, ...noMessage } = penalty;
    const mixed = [noMessage, { ...issuedOn, text: 3 }, { ...penalty, field: 7 }, issuedOn, 'x', null];
    expect(parseKeptUnfinished(JSON.stringify(mixed))).toEqual([issuedOn]);
  });
});

describe('a refused entry whose field is gone', () => {
  it('is let go when its list row no longer exists; other entries stay', () => {
    const lists = { 'active.categories': [{}, {}], 'county.items': [] };
    expect(stillThere(listRowKey('active.categories', 1), lists)).toBe(true);
    expect(stillThere(listRowKey('active.categories', 2), lists)).toBe(false);
    expect(stillThere(listRowKey('county.items', 0), lists)).toBe(false);
    expect(stillThere(listRowKey('nowhere', 0), lists)).toBe(false);
    for (const key of ['t2.penalty', 'issuedOn', 'year']) expect(stillThere(key, lists), key).toBe(true);
  });
});

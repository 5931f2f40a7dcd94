import { unprintedSlots, variantOf } from '../model';
import { makeFinding, type CheckContext, type Finding } from './finding';

/**
 * Text the Word file would leave out without a word: prose kept in a slot whose section does not
 * print, because the draft's variant has no such section (寮步's six parts have no 工作措施 and no
 * 其他; 海盐's seven have no 基本工作情况), or because the clerk left the section out
 * (`draft.sections[id].omit`). The text stays in the draft; the warning names the slot in the
 * clerk's words, and the wizard offers to move the text to a section that prints.
 */
export function checkUnprinted(ctx: CheckContext): Finding[] {
  const { template, draft } = ctx;
  const variant = variantOf(template, draft.variant).name;
  return unprintedSlots(template, draft).flatMap(({ slot, section, place, omitted }) => {
    const text = (draft.prose[slot.id] ?? '').trim();
    if (text === '') return [];
    return [
      makeFinding(
        'UNPRINTED',
        'warning',
        omitted ? 'unprintedOmitted' : 'unprintedVariant',
        { place, chars: [...text].length, variant },
        { section, slot: slot.id },
        slot.id,
      ),
    ];
  });
}

import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserMessage } from '../../shared/bridge';
import { parseNumberInput } from '../../shared/report/numbers';
import type { FieldDef } from '../../shared/report/template';
import { messageText } from '../app/errors';
import { ImeInput } from '../app/ime';
import { useUnfinished } from './unfinished';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'defaultValue'> & {
  /** The number's kind and decimals decide what is accepted (R5: counts are whole, money has its decimals). */
  field: Pick<FieldDef, 'kind' | 'decimals'>;
  value: number | null;
  onValue(value: number | null): void;
  /** id of the element that shows a refusal; the caller places it where it reads best. */
  problemId: string;
  /** How the wizard names this entry when it is left unfinished (key: where it is, name: the clerk's word for it). */
  entry: { key: string; name: string; field?: string };
  /** A blank is refused too (a list row's count): blank is not 0, and the draft cannot hold "nothing" here. */
  required?: boolean;
};

const shown = (value: number | null) => (value === null ? '' : String(value));

/**
 * A number as a clerk types it: full-width digits and 1,234 are accepted; -3, 1.5 in a count and
 * abc are refused at the field with a message saying what to type instead. A value reaches the
 * draft only while the whole text is valid: when the text turns invalid (the "1.4" after the "1"),
 * the draft goes back to the value the field had when the clerk entered it, and the refused text
 * stays in the field, reported to the wizard as unfinished, so nothing typed is lost.
 */
export function NumberInput({ field, value, onValue, problemId, entry, required, ...rest }: Props) {
  const { t } = useTranslation();
  const unfinished = useUnfinished();
  const held = unfinished.get(entry.key);
  const [text, setText] = useState(held?.text ?? shown(value));
  const [problem, setProblem] = useState<UserMessage | null>(held?.message ?? null);
  /** The value this field last reported: any other value came from elsewhere (undo, a restored backup). */
  const reported = useRef(value);
  /** The value when the clerk entered the field: what the draft keeps while the entry is refused. */
  const before = useRef(value);
  useEffect(() => {
    if (value === reported.current) return;
    reported.current = value;
    before.current = value;
    setText(shown(value));
    setProblem(null);
    unfinished.report(entry.key, null);
  }, [value, unfinished, entry.key]);

  /** Focused and not yet clicked or typed in. */
  const fresh = useRef(false);

  const send = (next: number | null) => {
    reported.current = next;
    onValue(next);
  };

  const commit = (typed: string) => {
    setText(typed);
    const read = parseNumberInput(typed, field);
    const parsed =
      required && read.ok && read.value === null
        ? ({ ok: false, error: { key: 'input.blank', params: {} } } as const)
        : read;
    if (!parsed.ok) {
      setProblem(parsed.error);
      if (reported.current !== before.current) send(before.current);
      unfinished.report(entry.key, {
        name: entry.name,
        text: typed,
        message: parsed.error,
        ...(entry.field ? { field: entry.field } : {}),
      });
      return;
    }
    setProblem(null);
    unfinished.report(entry.key, null);
    if (parsed.value !== reported.current) send(parsed.value);
  };

  return (
    <>
      <ImeInput
        {...rest}
        inputMode={field.kind === 'money' ? 'decimal' : 'numeric'}
        value={text}
        onCommit={commit}
        onFocus={(e) => {
          // While a refused text is held, the draft has the value from before it: the one to keep.
          before.current = value;
          fresh.current = true;
          // Typing into a cell that shows 0 replaces the 0 instead of making it 012.
          e.currentTarget.select();
          rest.onFocus?.(e);
        }}
        onMouseUp={(e) => {
          // Chromium puts the caret where the click was on the mouse-up that follows focusing: keep the selection.
          if (fresh.current) e.preventDefault();
          fresh.current = false;
        }}
        onKeyDown={(e) => {
          fresh.current = false;
          rest.onKeyDown?.(e);
        }}
        onBlur={(e) => {
          // A valid entry is shown as stored: 012 reads 12 once the clerk moves on.
          if (!problem) setText(shown(value));
          rest.onBlur?.(e);
        }}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
      />
      {problem && (
        <span id={problemId} className="problem" role="alert">
          {messageText(t, problem)}
        </span>
      )}
    </>
  );
}

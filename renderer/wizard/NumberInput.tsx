import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { parseNumberInput } from '../../shared/report/numbers';
import type { FieldDef } from '../../shared/report/template';
import { messageText } from '../app/errors';
import { ImeInput } from '../app/ime';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'defaultValue'> & {
  /** The number's kind and decimals decide what is accepted (R5: counts are whole, money has its decimals). */
  field: Pick<FieldDef, 'kind' | 'decimals'>;
  value: number | null;
  onValue(value: number | null): void;
  /** id of the element that shows a refusal; the caller places it where it reads best. */
  problemId: string;
};

/**
 * A number as a clerk types it: full-width digits and 1,234 are accepted; -3, 1.5 in a count and
 * abc are refused at the field with a message saying what to type instead. A refused text stays
 * in the field so nothing typed is lost, and the draft keeps its last good value.
 */
export function NumberInput({ field, value, onValue, problemId, ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(value === null ? '' : String(value));
  const [problem, setProblem] = useState('');
  /** The value this field last reported: any other value came from elsewhere (a restored backup). */
  const reported = useRef(value);
  useEffect(() => {
    if (value === reported.current) return;
    reported.current = value;
    setText(value === null ? '' : String(value));
    setProblem('');
  }, [value]);

  const commit = (typed: string) => {
    setText(typed);
    const parsed = parseNumberInput(typed, field);
    if (!parsed.ok) {
      setProblem(messageText(t, parsed.error));
      return;
    }
    setProblem('');
    if (parsed.value === value) return;
    reported.current = parsed.value;
    onValue(parsed.value);
  };

  return (
    <>
      <ImeInput
        {...rest}
        inputMode={field.kind === 'money' ? 'decimal' : 'numeric'}
        value={text}
        onCommit={commit}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
      />
      {problem && (
        <span id={problemId} className="problem" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}

import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type CompositionEvent,
  type FocusEvent,
  type InputHTMLAttributes,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../shared/report/checks/finding';
import { parseNumberInput } from '../../shared/report/numbers';
import type { TableDef, TemplateDef } from '../../shared/report/template';
import { formatValue, type Values } from '../../shared/report/totals';
import { useUnfinished } from '../wizard/unfinished';
import { cellName, gridLayout, screenColumns, type GridCell, type GridLayout } from './geometry';
import { keyToMove, moveFrom } from './navigation';
import { pasteIntoGrid, type PasteError, type PasteResult } from './paste';
import './grid.css';

export interface TableGridProps {
  template: TemplateDef;
  /** The table to edit; its cells, spans and header rows are drawn as Word prints them. */
  table: TableDef;
  /** Entered numbers by field id (draft.values); an absent field shows an empty cell. */
  values: Record<string, number>;
  /** computeValues(template, draft): the totals shown in the grey computed cells. */
  computed: Values;
  /** Findings of runChecks; those pointing at a field of this table are shown at its cell. */
  findings: Finding[];
  /**
   * A cell's new value (null: emptied). Called while the clerk types, while the text is a valid
   * number; when the text turns invalid, with the value the cell had when the clerk entered it
   * (the "1" of a refused "1.4" never stays in the draft). Called once per cell when a block is
   * pasted or the empty cells are filled with 0, so several calls can arrive in one event: apply
   * each as a functional state update.
   */
  onChange(fieldId: string, value: number | null): void;
  /**
   * Jump target (from the checks panel): when it changes to a field of this table, that cell is
   * focused, scrolled into view and briefly highlighted. To jump to the same field again, pass
   * undefined first.
   */
  focusField?: string;
}

/** How long a jumped-to cell stays highlighted. */
const FLASH_MS = 1600;

const sameValue = (a: number | null | undefined, b: number | null | undefined) => (a ?? null) === (b ?? null);

/**
 * A spreadsheet-like grid for one template table. Tab, Enter and the arrow keys move between the
 * cells a clerk types into; a number is read with parseNumberInput when the IME has finished
 * composing; text that is not a valid number is refused at the cell with a message and kept, so
 * nothing typed is lost; a block copied from Excel or WPS fills cells from the focused one.
 *
 * DOM contract (for tests): the root has `data-table`; every number cell is an input with
 * `data-field` and an aria-label of its row and column labels; a refused entry sets
 * aria-invalid and shows its message in a role=alert element named by aria-describedby.
 */
export function TableGrid({
  template,
  table,
  values,
  computed,
  findings,
  onChange,
  focusField,
}: TableGridProps) {
  const { t } = useTranslation();
  const layout = useMemo(() => gridLayout(template, table), [template, table]);
  const columns = useMemo(() => screenColumns(layout), [layout]);
  const idPrefix = useId();
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const composing = useRef(false);
  const unfinished = useUnfinished();
  /** The value a cell held when the clerk entered it, restored by Escape and kept while the entry is refused. */
  const original = useRef<{ field: string; value: number | null } | null>(null);
  /** Text typed into a cell that is not (yet) its stored value: during typing, or refused. */
  const [texts, setTexts] = useState<Record<string, string>>(() => held(layout, unfinished, 'text'));
  const [errors, setErrors] = useState<Record<string, PasteError>>(() => held(layout, unfinished, 'message'));
  /**
   * The value of each cell holding text as this grid last left it in the draft: a different value
   * came from elsewhere (undo, a restored backup), and the text no longer stands for anything.
   */
  const reported = useRef(
    new Map<string, number | null>(Object.keys(texts).map((f) => [f, values[f] ?? null])),
  );
  const [pasted, setPasted] = useState<PasteResult | null>(null);
  const [flash, setFlash] = useState<string | null>(null);

  const findingsByField = useMemo(() => {
    const out = new Map<string, Finding[]>();
    for (const f of findings) {
      const id = f.at.field;
      if (!id || f.acknowledged || !layout.fields.has(id)) continue;
      out.set(id, [...(out.get(id) ?? []), f]);
    }
    return out;
  }, [findings, layout]);

  const names = useMemo(
    () => new Map([...layout.fields].map(([id, cell]) => [id, cellName(layout, cell)])),
    [layout],
  );

  useEffect(() => {
    if (!focusField || !layout.fields.has(focusField)) return;
    const el = inputs.current.get(focusField);
    if (!el) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    setFlash(focusField);
    const timer = setTimeout(() => setFlash(null), FLASH_MS);
    return () => clearTimeout(timer);
  }, [focusField, layout]);

  const domId = (field: string, part: string) => `${idPrefix}-${field.replaceAll('.', '-')}-${part}`;
  const stored = (field: string): number | null => values[field] ?? null;
  const shownText = (cell: GridCell): string => {
    const field = cell.field!;
    if (cell.kind === 'computed') return formatValue(field, computed.get(field.id) ?? 0);
    const typed = texts[field.id];
    if (typed !== undefined) return typed;
    const v = values[field.id];
    return v === undefined ? '' : formatValue(field, v);
  };

  useEffect(() => {
    const stale = [...reported.current].filter(([f, v]) => !sameValue(values[f], v)).map(([f]) => f);
    if (stale.length === 0) return;
    for (const f of stale) {
      reported.current.delete(f);
      unfinished.report(f, null);
    }
    const keep = <T,>(prev: Record<string, T>) => {
      if (!stale.some((f) => f in prev)) return prev;
      return Object.fromEntries(Object.entries(prev).filter(([f]) => !stale.includes(f)));
    };
    setTexts(keep);
    setErrors(keep);
  }, [values, unfinished]);

  const send = (field: string, value: number | null) => {
    if (reported.current.has(field)) reported.current.set(field, value);
    onChange(field, value);
  };

  const setError = (field: string, error: PasteError | null) =>
    setErrors((prev) => {
      if (!error) {
        if (!(field in prev)) return prev;
        const { [field]: _gone, ...rest } = prev;
        return rest;
      }
      return { ...prev, [field]: error };
    });
  const forgetText = (field: string) => {
    reported.current.delete(field);
    setTexts((prev) => {
      if (!(field in prev)) return prev;
      const { [field]: _gone, ...rest } = prev;
      return rest;
    });
  };

  const refuse = (field: string, text: string, error: PasteError) =>
    unfinished.report(field, { name: names.get(field) ?? field, text, message: error, field });

  /**
   * Reads the typed text; a valid number is stored, an invalid one refused at the cell while the
   * draft keeps the value the cell had before this entry. Returns whether it was valid.
   */
  const commit = (cell: GridCell, text: string, showError: boolean): boolean => {
    const field = cell.field!;
    const parsed = parseNumberInput(text, field);
    if (parsed.ok) {
      if (!sameValue(parsed.value, stored(field.id))) send(field.id, parsed.value);
      setError(field.id, null);
      unfinished.report(field.id, null);
      return true;
    }
    const before = original.current?.field === field.id ? original.current.value : stored(field.id);
    if (!sameValue(before, stored(field.id))) send(field.id, before);
    refuse(field.id, text, parsed.error);
    if (showError || field.id in errors) setError(field.id, parsed.error);
    return false;
  };

  const focusCell = (field: string) => {
    const el = inputs.current.get(field);
    if (!el) return;
    el.focus();
    el.select();
  };

  const onFocus = (cell: GridCell, e: FocusEvent<HTMLInputElement>) => {
    // While a refused text is held in the cell the draft has the value from before that entry, so
    // the stored value is always the one to go back to.
    if (cell.kind === 'field') original.current = { field: cell.field!.id, value: stored(cell.field!.id) };
    e.currentTarget.select();
  };

  const onBlur = (cell: GridCell, e: FocusEvent<HTMLInputElement>) => {
    if (cell.kind !== 'field') return;
    const id = cell.field!.id;
    if (texts[id] === undefined) return;
    if (commit(cell, e.currentTarget.value, true)) forgetText(id);
  };

  const onInput = (cell: GridCell, text: string) => {
    if (cell.kind !== 'field') return;
    const id = cell.field!.id;
    if (!reported.current.has(id)) reported.current.set(id, stored(id));
    setTexts((prev) => ({ ...prev, [id]: text }));
    setPasted(null);
    // During IME composition the text is unfinished pinyin or a half-typed digit: do not read it.
    if (!composing.current) commit(cell, text, false);
  };

  const onCompositionEnd = (cell: GridCell, e: CompositionEvent<HTMLInputElement>) => {
    composing.current = false;
    onInput(cell, e.currentTarget.value);
  };

  const onKeyDown = (cell: GridCell, e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing || composing.current) return;
    const id = cell.field!.id;
    const el = e.currentTarget;
    if (e.key === 'Escape' && cell.kind === 'field') {
      const back = original.current?.field === id ? original.current.value : stored(id);
      if (!sameValue(back, stored(id))) onChange(id, back);
      forgetText(id);
      setError(id, null);
      unfinished.report(id, null);
      return;
    }
    const whole = el.selectionStart === 0 && el.selectionEnd === el.value.length;
    const move = keyToMove({
      key: e.key,
      shiftKey: e.shiftKey,
      ctrlKey: e.ctrlKey,
      altKey: e.altKey,
      metaKey: e.metaKey,
      caretAtStart: whole || el.selectionEnd === 0,
      caretAtEnd: whole || el.selectionStart === el.value.length,
    });
    if (!move) return;
    if (cell.kind === 'field' && texts[id] !== undefined) {
      if (!commit(cell, el.value, true)) {
        // Refused: stay on the cell so the clerk reads the message and corrects the figure.
        e.preventDefault();
        return;
      }
      forgetText(id);
    }
    const target = moveFrom(layout, id, move);
    if (target) {
      e.preventDefault();
      focusCell(target);
    } else if (move !== 'next' && move !== 'prev') e.preventDefault();
  };

  const onPaste = (cell: GridCell, e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text/plain');
    // One figure typed or copied on its own goes into the cell as typing does.
    if (!/[\t\r\n]/.test(text)) return;
    e.preventDefault();
    const result = pasteIntoGrid(layout, cell.field!.id, text);
    for (const { field, value } of result.values) {
      reported.current.delete(field);
      unfinished.report(field, null);
      if (!sameValue(value, stored(field))) onChange(field, value);
    }
    for (const r of result.refused) {
      reported.current.set(r.field, stored(r.field));
      refuse(r.field, r.text, r.error);
    }
    const accepted = new Set(result.values.map((v) => v.field));
    setTexts((prev) => {
      const next = Object.fromEntries(Object.entries(prev).filter(([f]) => !accepted.has(f)));
      for (const r of result.refused) next[r.field] = r.text;
      return next;
    });
    setErrors((prev) => {
      const next = Object.fromEntries(Object.entries(prev).filter(([f]) => !accepted.has(f)));
      for (const r of result.refused) next[r.field] = r.error;
      return next;
    });
    setPasted(result);
  };

  const refused = Object.keys(errors).filter((f) => layout.fields.has(f));
  const empty = layout.editable.filter(
    (c) => values[c.field!.id] === undefined && texts[c.field!.id] === undefined,
  );
  /** A table with nothing to report is confirmed as such: its empty cells become explicit 0 values. */
  const fillZero = () => {
    for (const c of empty) onChange(c.field!.id, 0);
  };

  return (
    <div className="table-grid" data-table={table.id}>
      <p className="table-grid-help">{t('sheet.grid.help')}</p>
      <div className="table-grid-status" role="status">
        {pasted && <PasteSummary result={pasted} />}
      </div>
      {refused.length > 0 && (
        <div className="table-grid-unsaved">
          <p>{t('sheet.grid.unsaved')}</p>
          <ul>
            {refused.map((f) => (
              <li key={f}>
                <button type="button" className="table-grid-link" onClick={() => focusCell(f)}>
                  {t('sheet.grid.unsavedItem', { name: names.get(f), text: texts[f] ?? '' })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="table-grid-scroll" style={{ scrollPaddingLeft: columns.labels }}>
        <table className="table-grid-table" style={{ width: columns.tableWidth }}>
          <colgroup>
            {columns.widths.map((width, i) => (
              <col key={i} style={{ width }} />
            ))}
          </colgroup>
          <tbody>
            {layout.rows.map((cells, r) => (
              <tr key={r}>
                {cells.map((cell) =>
                  cell.field ? (
                    <NumberCell
                      key={cell.col}
                      cell={cell}
                      layout={layout}
                      name={names.get(cell.field.id)!}
                      text={shownText(cell)}
                      error={errors[cell.field.id]}
                      findings={findingsByField.get(cell.field.id) ?? []}
                      flash={flash === cell.field.id}
                      errorId={domId(cell.field.id, 'error')}
                      findingId={domId(cell.field.id, 'finding')}
                      register={(el) => {
                        if (el) inputs.current.set(cell.field!.id, el);
                        else inputs.current.delete(cell.field!.id);
                      }}
                      handlers={{
                        onFocus: (e) => onFocus(cell, e),
                        onBlur: (e) => onBlur(cell, e),
                        onChange: (e) => onInput(cell, e.currentTarget.value),
                        onKeyDown: (e) => onKeyDown(cell, e),
                        onPaste: (e) => onPaste(cell, e),
                        onCompositionStart: () => (composing.current = true),
                        onCompositionEnd: (e) => onCompositionEnd(cell, e),
                      }}
                    />
                  ) : (
                    <TextCellView
                      key={cell.col}
                      cell={cell}
                      stickyLeft={
                        cell.col + cell.colSpan <= columns.labelCount
                          ? columns.stickyLeft[cell.col]
                          : undefined
                      }
                    />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {empty.length > 0 && (
        <div className="table-grid-zero">
          <button type="button" onClick={fillZero}>
            {empty.length === layout.editable.length
              ? t('ui.grid.allZero')
              : t('ui.grid.restZero', { count: empty.length })}
          </button>
          <span className="hint">{t('ui.grid.zeroHint')}</span>
        </div>
      )}
    </div>
  );
}

/** The refused texts the wizard holds for this table's cells, as they were when the clerk left the step. */
function held<K extends 'text' | 'message'>(
  layout: GridLayout,
  unfinished: ReturnType<typeof useUnfinished>,
  part: K,
): Record<string, K extends 'text' ? string : PasteError> {
  const out: Record<string, string | PasteError> = {};
  for (const id of layout.fields.keys()) {
    const entry = unfinished.get(id);
    if (entry) out[id] = entry[part];
  }
  return out as Record<string, K extends 'text' ? string : PasteError>;
}

/** `stickyLeft`: a row label that stays in view, this far from the left edge, while the numbers scroll. */
function TextCellView({ cell, stickyLeft }: { cell: GridCell; stickyLeft: string | undefined }) {
  const align = 'align' in cell.def ? cell.def.align : undefined;
  const indent = 'indent' in cell.def ? (cell.def.indent ?? 0) : 0;
  const className = `table-grid-${cell.kind}${align === 'left' ? ' is-left' : ''}${stickyLeft ? ' is-sticky' : ''}`;
  const scope =
    cell.kind === 'label' ? (cell.rowSpan > 1 ? 'rowgroup' : 'row') : cell.colSpan > 1 ? 'colgroup' : 'col';
  return (
    <th
      scope={scope}
      rowSpan={cell.rowSpan}
      colSpan={cell.colSpan}
      className={className}
      style={{
        ...(indent ? { paddingLeft: `${0.5 + indent}em` } : {}),
        ...(stickyLeft ? { left: stickyLeft } : {}),
      }}
    >
      {cell.text}
    </th>
  );
}

interface NumberCellProps {
  cell: GridCell;
  layout: GridLayout;
  name: string;
  text: string;
  error: PasteError | undefined;
  findings: Finding[];
  flash: boolean;
  errorId: string;
  findingId: string;
  register(el: HTMLInputElement | null): void;
  handlers: Pick<
    InputHTMLAttributes<HTMLInputElement>,
    'onFocus' | 'onBlur' | 'onChange' | 'onKeyDown' | 'onPaste' | 'onCompositionStart' | 'onCompositionEnd'
  >;
}

function NumberCell({
  cell,
  layout,
  name,
  text,
  error,
  findings,
  flash,
  errorId,
  findingId,
  register,
  handlers,
}: NumberCellProps) {
  const { t } = useTranslation();
  const computed = cell.kind === 'computed';
  const severity =
    error || findings.some((f) => f.severity === 'error') ? 'error' : findings.length ? 'warning' : null;
  // The message is anchored to its cell (CSS anchor positioning) so no scrolling container clips it.
  const anchor = `--cell-${errorId.replace(/[^A-Za-z0-9_-]/g, '')}`;
  const described = [error ? errorId : null, findings.length ? findingId : null].filter(Boolean).join(' ');
  const classes = [
    'table-grid-cell',
    computed ? 'is-computed' : 'is-input',
    severity ? `has-${severity}` : '',
    flash ? 'is-flash' : '',
  ].filter(Boolean);
  return (
    <td
      rowSpan={cell.rowSpan}
      colSpan={cell.colSpan}
      className={classes.join(' ')}
      data-mark={computed ? t('sheet.grid.mark') : undefined}
    >
      <input
        ref={register}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        data-field={cell.field!.id}
        aria-label={computed ? `${name}（${t('sheet.grid.computed')}）` : name}
        aria-invalid={severity === 'error' ? true : undefined}
        aria-describedby={described || undefined}
        title={computed ? t('sheet.grid.computedHint') : undefined}
        readOnly={computed}
        tabIndex={computed ? -1 : undefined}
        value={text}
        style={{ anchorName: anchor }}
        {...handlers}
      />
      {severity && (
        <span className={`table-grid-mark is-${severity}`} aria-hidden="true">
          {severity === 'error' ? '✕' : '!'}
        </span>
      )}
      {(error || findings.length > 0) && (
        <span
          className={`table-grid-bubble is-${severity}${cell.col > layout.colCount / 2 ? ' is-end' : ''}`}
          style={{ positionAnchor: anchor }}
        >
          {error && (
            <span id={errorId} role="alert" className="table-grid-bubble-line">
              <strong>{t('sheet.grid.refused')}</strong>
              {t(error.key, error.params)}
            </span>
          )}
          {findings.length > 0 && (
            <span id={findingId}>
              {findings.map((f) => (
                <span key={f.id} className="table-grid-bubble-line">
                  <strong>
                    {t(f.severity === 'error' ? 'sheet.severity.error' : 'sheet.severity.warning')}
                  </strong>
                  {t(f.key, f.params)}
                </span>
              ))}
            </span>
          )}
        </span>
      )}
    </td>
  );
}

function PasteSummary({ result }: { result: PasteResult }) {
  const { t } = useTranslation();
  const lines = [
    t('sheet.grid.pasted', { count: result.values.length }),
    result.refused.length ? t('sheet.grid.pasteRefused', { count: result.refused.length }) : null,
    result.skippedComputed.length
      ? t('sheet.grid.pasteComputed', { count: result.skippedComputed.length })
      : null,
    result.outside ? t('sheet.grid.pasteOutside', { count: result.outside }) : null,
  ].filter((l): l is string => l !== null);
  return <p className="table-grid-paste">{lines.join(' ')}</p>;
}

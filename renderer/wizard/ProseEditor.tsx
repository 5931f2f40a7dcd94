import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { carriedParagraphs, figuresIn } from '../../shared/report/checks/carried';
import type { Finding } from '../../shared/report/checks/finding';
import type { Draft } from '../../shared/report/draft';
import { PROSE_MAX } from '../../shared/report/limits';
import { repeatedParagraphs, repeatedText } from '../../shared/report/repeat';
import type { SlotDef } from '../../shared/report/template';
import { ConfirmDialog } from '../app/Dialog';
import { messageText } from '../app/errors';
import { ImeTextArea } from '../app/ime';
import { PhraseLibrary } from './PhraseLibrary';

export interface JumpTarget {
  slot?: string;
  field?: string;
  offset?: number;
  length?: number;
  /** Changes on every jump, so jumping twice to the same place moves the cursor twice. */
  nonce: number;
}

/**
 * What of a slot's text is last year's: the paragraphs carried word for word and not yet edited
 * or confirmed, and the other paragraphs that mostly repeat last year's report.
 */
export function lastYearMarks(
  draft: Draft,
  slot: string,
): { carried: string[]; repeated: string[]; previousYear?: number } {
  const carried = carriedParagraphs(draft, slot);
  const previous = draft.previous;
  if (!previous) return { carried, repeated: [] };
  const { repeatedSentences } = repeatedText(draft, previous.prose);
  const repeated = repeatedParagraphs(draft.prose[slot] ?? '', repeatedSentences[slot] ?? []).filter(
    (p) => !carried.includes(p),
  );
  return { carried, repeated, previousYear: previous.year };
}

/** Puts a phrase on a line of its own at the cursor, so it never runs into the words around it. */
export function insertPhrase(text: string, at: number, phrase: string): { text: string; caret: number } {
  const before = text.slice(0, at);
  const after = text.slice(at);
  const lead = before === '' || before.endsWith('\n') ? '' : '\n';
  const tail = after === '' || after.startsWith('\n') ? '' : '\n';
  const inserted = `${lead}${phrase}${tail}`;
  return { text: before + inserted + after, caret: before.length + lead.length + phrase.length };
}

/**
 * One prose slot: its sub-heading, the sentence the numbers generate for it (with 重新生成,
 * confirmed when it would replace the clerk's own words), the text itself, the standard phrases
 * where the template offers them, and what the checks say about this text.
 */
export function ProseEditor(props: {
  slot: SlotDef;
  /** How the slot is named when it has no sub-heading of its own. */
  fallbackTitle: string;
  text: string;
  generated: string | undefined;
  /** The text generated into this slot last time (draft.generated): while the slot opens with it, it follows the numbers. */
  lastGenerated: string | undefined;
  /** Whether regenerating would replace words the clerk wrote (asked only when they click). */
  wouldOverwrite(): boolean;
  findings: Finding[];
  jump: JumpTarget | null;
  onText(text: string): void;
  onRegenerate(): void;
  /** Paragraphs still exactly as carried from last year's report (neither edited nor confirmed). */
  carried?: readonly string[];
  /** Other paragraphs that mostly repeat last year's report. */
  repeated?: readonly string[];
  /** The year of last year's report, when it is known. */
  previousYear?: number;
  /** The clerk keeps a carried paragraph as it is: it stops being marked 上年内容. */
  onConfirmCarried?(paragraph: string): void;
}) {
  const { t } = useTranslation();
  const { slot, text, jump } = props;
  const area = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const inputId = `slot-${slot.id}`;

  useEffect(() => {
    if (!jump || jump.slot !== slot.id || !area.current) return;
    const el = area.current;
    el.focus();
    if (jump.offset !== undefined) el.setSelectionRange(jump.offset, jump.offset + (jump.length ?? 0));
    el.scrollIntoView({ block: 'center' });
  }, [jump, slot.id]);

  const regenerate = () => {
    if (props.wouldOverwrite()) setConfirming(true);
    else props.onRegenerate();
  };
  const insert = (phrase: string) => {
    const next = insertPhrase(text, caret.current ?? text.length, phrase);
    props.onText(next.text);
    caret.current = next.caret;
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(next.caret, next.caret);
    });
  };
  const open = props.findings.filter((f) => !f.acknowledged);
  const select = (paragraph: string) => {
    const at = text.indexOf(paragraph);
    if (at < 0 || !area.current) return;
    area.current.focus();
    area.current.setSelectionRange(at, at + paragraph.length);
  };
  return (
    <section className="slot" aria-labelledby={`${inputId}-title`}>
      <h3 id={`${inputId}-title`}>{slot.heading ?? props.fallbackTitle}</h3>
      {props.generated !== undefined &&
        (props.generated !== '' &&
        props.lastGenerated === props.generated &&
        text.startsWith(props.generated) ? (
          <p className="generated-in-sync">{t('ui.prose.inSync')}</p>
        ) : (
          <div className="generated">
            <p className="generated-label">{t('ui.prose.generatedLabel')}</p>
            <p className="generated-text">{props.generated}</p>
            <button type="button" onClick={regenerate}>
              {text.trim() === '' ? t('ui.prose.fill') : t('ui.prose.regenerate')}
            </button>
          </div>
        ))}
      <label htmlFor={inputId} className="visually-hidden">
        {slot.heading ?? props.fallbackTitle}
      </label>
      <ImeTextArea
        id={inputId}
        ref={area}
        value={text}
        onCommit={props.onText}
        maxLength={PROSE_MAX}
        onSelect={(e) => {
          caret.current = e.currentTarget.selectionStart;
        }}
        aria-invalid={open.some((f) => f.severity === 'error') ? true : undefined}
        aria-describedby={open.length > 0 ? `${inputId}-findings` : undefined}
        placeholder={t('ui.prose.placeholder')}
        spellCheck={false}
      />
      {(props.carried ?? []).map((paragraph) => {
        const figures = figuresIn(paragraph);
        return (
          <div key={`carried-${paragraph}`} className="generated carried-mark" data-carried>
            <p className="generated-label">
              <strong>{t('ui.prose.carriedTag')}</strong> {t('ui.prose.carriedHint')}
            </p>
            <ParagraphLink paragraph={paragraph} onSelect={select} />
            {props.onConfirmCarried && (
              <button
                type="button"
                onClick={() => props.onConfirmCarried?.(paragraph)}
                aria-label={t('ui.prose.confirmCarriedLabel', { text: excerpt(paragraph) })}
              >
                {t('ui.prose.confirmCarried')}
              </button>
            )}
            {figures.length > 0 && (
              <p className="generated-label warning">
                {t('ui.prose.lastYearFigures', { figures: figures.join('、') })}
              </p>
            )}
          </div>
        );
      })}
      {(props.repeated ?? []).map((paragraph) => (
        <div key={`repeated-${paragraph}`} className="generated repeated-mark" data-repeated>
          <p className="generated-label">{t('ui.prose.repeatedTag', { year: props.previousYear ?? '' })}</p>
          <ParagraphLink paragraph={paragraph} onSelect={select} />
        </div>
      ))}
      <div className="slot-foot">
        {slot.phrases && <PhraseLibrary kind={slot.phrases} onInsert={insert} />}
        <span className="muted count">{t('ui.prose.count', { count: [...text].length })}</span>
      </div>
      {open.length > 0 && (
        <ul id={`${inputId}-findings`} className="slot-findings">
          {open.map((f) => (
            <li key={f.id} className={f.severity}>
              {messageText(t, f)}
            </li>
          ))}
        </ul>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('ui.prose.confirmTitle')}
          message={t('ui.prose.confirm')}
          confirm={t('ui.prose.confirmYes')}
          cancel={t('ui.prose.confirmNo')}
          onConfirm={() => {
            setConfirming(false);
            props.onRegenerate();
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}

/** A marked paragraph's opening words; a click selects the paragraph in the text. */
function ParagraphLink(props: { paragraph: string; onSelect(paragraph: string): void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="link generated-text"
      onClick={() => props.onSelect(props.paragraph)}
      aria-label={t('ui.prose.showParagraph', { text: excerpt(props.paragraph) })}
    >
      {excerpt(props.paragraph)}
    </button>
  );
}

/** A paragraph's first 40 characters, for a mark that names it. */
const excerpt = (paragraph: string) =>
  [...paragraph].length > 40 ? `${[...paragraph].slice(0, 40).join('')}…` : paragraph;

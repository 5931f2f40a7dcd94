import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseRoster, rosterText, type RosterEntry } from '../../shared/county/roster';
import { decodeList } from '../../shared/report/consolidate';
import { Dialog } from '../app/Dialog';

/**
 * 名单: typed, pasted from Excel or WPS (name, kind, contact in columns), or read from a list file
 * in any of the encodings a Chinese Windows saves; an earlier year's list can be taken over.
 */
export function RosterDialog(props: {
  roster: RosterEntry[];
  earlierYears: number[];
  onSave(entries: RosterEntry[]): Promise<void>;
  onCopy(year: number): Promise<void>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => rosterText(props.roster));
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const parsed = useMemo(() => parseRoster(text), [text]);

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setText(rosterText(parseRoster(decodeList(new Uint8Array(await file.arrayBuffer())))));
  };
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
      props.onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('county.ui.roster.title')} onClose={props.onClose} wide>
      <p className="dialog-text">{t('county.ui.roster.help')}</p>
      <label className="county-roster-label">
        {t('county.ui.roster.text')}
        <textarea
          className="county-roster-text"
          value={text}
          rows={12}
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <p role="status">{t('county.ui.roster.count', { count: parsed.length })}</p>
      <div className="dialog-actions county-roster-actions">
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('county.ui.roster.file')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".txt,.csv,text/plain"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t('county.ui.roster.file')}
          onChange={(e) => {
            void readFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        {props.earlierYears.map((year) => (
          <button key={year} type="button" disabled={busy} onClick={() => void run(() => props.onCopy(year))}>
            {t('county.ui.roster.copy', { year })}
          </button>
        ))}
        <span className="spacer" />
        <button type="button" onClick={props.onClose}>
          {t('ui.common.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void run(() => props.onSave(parsed))}
        >
          {t('county.ui.roster.save')}
        </button>
      </div>
    </Dialog>
  );
}

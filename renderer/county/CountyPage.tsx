import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterEntry } from '../../shared/county/roster';
import type { CountyView } from '../../shared/county/view';
import { describeError, messageText } from '../app/errors';
import { Notices } from '../app/Notices';
import { navigate } from '../app/route';
import { TopBar } from '../app/TopBar';
import { Board } from './Board';
import { BarChart } from './Charts';
import { acceptAttribute, droppedFiles, readable, toBase64 } from './files';
import { PendingChoices } from './PendingChoices';
import { RosterDialog } from './RosterDialog';
import { TotalsPanel } from './TotalsPanel';
import { UnitView } from './UnitView';
import './county.css';

type Message = { text: string; tone: 'ok' | 'error'; lines?: string[] };
interface Progress {
  done: number;
  total: number;
}

/**
 * The county office's screen for one reporting year: the 名单 and deadline, files coming in (one by
 * one, a folder, or dropped), the status board, and what the county sends and keeps (审核意见,
 * 报送情况, 汇总). Everything is kept by the services in the year's workspace as it happens.
 */
export function CountyPage(props: { year: number; unit: string | null }) {
  const { t } = useTranslation();
  const { year } = props;
  const [view, setView] = useState<CountyView | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [rosterOpen, setRosterOpen] = useState(false);
  const [receivedOn, setReceivedOn] = useState('');
  const [dragging, setDragging] = useState(false);
  const [dismissed, setDismissed] = useState(0);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const act = useCallback(
    async (work: () => Promise<CountyView | void>) => {
      try {
        const next = await work();
        if (next) setView(next);
      } catch (error) {
        setMessage({ text: describeError(t, error), tone: 'error' });
      }
    },
    [t],
  );

  useEffect(() => {
    setView(null);
    void act(() => window.nianbao.county.open(year));
  }, [year, act]);

  useEffect(() => {
    // The folder picker is not a standard attribute React knows.
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);

  const addFiles = async (files: File[]) => {
    const { accepted, skipped } = readable(files);
    const failed: string[] = skipped.map((f) => t('county.ui.add.skipped', { file: f.name }));
    setMessage(null);
    setProgress({ done: 0, total: accepted.length });
    for (const [i, file] of accepted.entries()) {
      try {
        const result = await window.nianbao.county.addFile({
          year,
          fileName: file.name,
          data: toBase64(new Uint8Array(await file.arrayBuffer())),
          ...(receivedOn ? { receivedOn } : {}),
        });
        if (!result.ok) failed.push(messageText(t, result.error));
      } catch (error) {
        failed.push(`${file.name}: ${describeError(t, error)}`);
      }
      setProgress({ done: i + 1, total: accepted.length });
    }
    setProgress(null);
    await act(() => window.nianbao.county.open(year));
    setMessage({
      text: t('county.ui.add.done', {
        added: accepted.length - (failed.length - skipped.length),
        failed: failed.length,
      }),
      tone: failed.length > 0 ? 'error' : 'ok',
      lines: failed,
    });
  };

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    await addFiles(await droppedFiles(e.dataTransfer));
  };

  const exported = (result: Awaited<ReturnType<typeof window.nianbao.county.exportTotals>>) => {
    if (result.ok)
      setMessage({
        text: t('county.ui.export.written', { path: result.path, count: result.files.length }),
        tone: 'ok',
      });
    else if ('error' in result) setMessage({ text: messageText(t, result.error), tone: 'error' });
  };

  if (props.unit !== null)
    return (
      <div className="page county-page">
        <TopBar>
          <span className="draft-title">{t('county.ui.title', { year })}</span>
        </TopBar>
        <main className="county-main">
          <UnitView year={year} unit={props.unit} />
        </main>
      </div>
    );

  const counts = view
    ? {
        submitted: view.rows.filter((r) => r.status === 'submitted').length,
        late: view.rows.filter((r) => r.status === 'late').length,
        missing: view.rows.filter((r) => r.status === 'missing').length,
      }
    : null;

  return (
    <div className="page county-page">
      <TopBar>
        <span className="draft-title">{t('county.ui.title', { year })}</span>
      </TopBar>
      <main
        className={`county-main${dragging ? ' is-dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => void onDrop(e)}
      >
        {view && (
          <Notices notices={view.notices.slice(dismissed)} onDismiss={() => setDismissed((n) => n + 1)} />
        )}
        <div className="county-head">
          <h1>{t('county.ui.heading', { year })}</h1>
          <label>
            {t('county.ui.year')}
            <input
              type="number"
              min={2008}
              max={2100}
              defaultValue={year}
              key={year}
              onBlur={(e) => {
                const next = Number(e.target.value);
                if (Number.isInteger(next) && next >= 2008 && next <= 2100 && next !== year)
                  navigate({ page: 'county', year: next, unit: null });
              }}
            />
          </label>
          {view && (
            <>
              <label>
                {t('county.ui.deadline')}
                <input
                  type="date"
                  value={view.deadline}
                  onChange={(e) => {
                    if (e.target.value)
                      void act(() => window.nianbao.county.setDetails(year, { deadline: e.target.value }));
                  }}
                />
              </label>
              <label>
                {t('county.ui.issuer')}
                <input
                  type="text"
                  defaultValue={view.issuer}
                  maxLength={100}
                  placeholder={t('county.ui.issuerHint')}
                  onBlur={(e) => {
                    if (e.target.value !== view.issuer)
                      void act(() => window.nianbao.county.setDetails(year, { issuer: e.target.value }));
                  }}
                />
              </label>
            </>
          )}
        </div>
        <div className="county-actions">
          <button type="button" onClick={() => setRosterOpen(true)}>
            {t('county.ui.roster.open', { count: view?.roster.length ?? 0 })}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!!progress}
            onClick={() => filesInput.current?.click()}
          >
            {t('county.ui.add.files')}
          </button>
          <button type="button" disabled={!!progress} onClick={() => folderInput.current?.click()}>
            {t('county.ui.add.folder')}
          </button>
          <input
            ref={filesInput}
            type="file"
            multiple
            accept={acceptAttribute}
            className="visually-hidden"
            tabIndex={-1}
            aria-label={t('county.ui.add.files')}
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              void addFiles(files);
            }}
          />
          <input
            ref={folderInput}
            type="file"
            multiple
            className="visually-hidden"
            tabIndex={-1}
            aria-label={t('county.ui.add.folder')}
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              void addFiles(files);
            }}
          />
          <label>
            {t('county.ui.add.receivedOn')}
            <input type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />
          </label>
          <span className="spacer" />
          <button
            type="button"
            onClick={() =>
              void act(async () => exported(await window.nianbao.county.exportFeedback(year, null)))
            }
          >
            {t('county.ui.export.feedback')}
          </button>
          <a className="button-link" href={`#/county/${year}/report`}>
            {t('county.ui.export.report')}
          </a>
          <button
            type="button"
            onClick={() => void act(async () => exported(await window.nianbao.county.exportTotals(year)))}
          >
            {t('county.ui.export.totals')}
          </button>
          <button
            type="button"
            onClick={() =>
              void act(async () => {
                const result = await window.nianbao.county.totalsDraft(year);
                if (result.ok) navigate({ page: 'wizard', id: result.id, step: null });
                else setMessage({ text: messageText(t, result.error), tone: 'error' });
              })
            }
          >
            {t('county.ui.export.totalsDraft')}
          </button>
        </div>
        <p className="county-drop-hint">{t('county.ui.add.dropHint')}</p>
        {progress && (
          <div className="county-progress" role="status">
            <progress max={progress.total} value={progress.done} />
            {t('county.ui.add.progress', { done: progress.done, total: progress.total })}
          </div>
        )}
        {message && (
          <div className={`banner ${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
            <p>{message.text}</p>
            {message.lines && message.lines.length > 0 && (
              <ul className="county-failures">
                {message.lines.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
            <button type="button" onClick={() => setMessage(null)}>
              {t('ui.common.dismiss')}
            </button>
          </div>
        )}
        {view && view.pending.length > 0 && (
          <PendingChoices
            pending={view.pending}
            roster={view.roster}
            onAssign={(fileId, unit) => void act(() => window.nianbao.county.assign(year, fileId, unit))}
          />
        )}
        {view && counts && (
          <div className="county-overview">
            <p className="county-counts" data-testid="county-counts">
              {t('county.ui.counts', {
                expected: view.report.expected,
                reported: view.report.reported.length,
                late: counts.late,
                missing: counts.missing,
                errors: view.report.withErrors.length,
              })}
            </p>
            <BarChart
              title={t('county.ui.chart.status')}
              width={320}
              labelWidth={70}
              bars={(['submitted', 'late', 'missing'] as const).map((s) => ({
                label: t(`county.ui.status.${s}`),
                value: counts[s],
                tone: `is-${s}`,
              }))}
            />
          </div>
        )}
        {view && <Board year={year} rows={view.rows} />}
        {view && <TotalsPanel view={view} />}
      </main>
      {rosterOpen && view && (
        <RosterDialog
          roster={view.roster}
          earlierYears={view.earlierYears}
          onClose={() => setRosterOpen(false)}
          onSave={(entries: RosterEntry[]) => act(() => window.nianbao.county.setRoster(year, entries))}
          onCopy={(from) => act(() => window.nianbao.county.copyRoster(year, from))}
        />
      )}
    </div>
  );
}

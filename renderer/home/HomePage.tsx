import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftSummary, Notice, OpenedDraft } from '../../shared/bridge';
import { describeError, messageText } from '../app/errors';
import { formatMoment } from '../app/format';
import { handOffNotices } from '../app/handoff';
import { clearJournal } from '../app/journal';
import { forgetKeptUnfinished, readKeptUnfinished } from '../wizard/unfinished-kept';
import { CheckStatus } from '../checks';
import { Notices } from '../app/Notices';
import { arrived, claim, fetchOnce } from '../app/prefetch';
import { navigate } from '../app/route';
import { TopBar } from '../app/TopBar';
import { BackupsDialog } from './BackupsDialog';
import { NewReportDialog } from './NewReportDialog';
import { TrashDialog } from './TrashDialog';
import type { ImportReport } from '../../shared/import/report';
import { ImportReportDialog } from '../import/ImportReportDialog';
import { fileAsBase64, IMPORT_ACCEPT, pickFile } from '../import/read-file';

type Open =
  | null
  | { kind: 'new' }
  | { kind: 'trash' }
  | { kind: 'backups'; draft: DraftSummary }
  | { kind: 'imported'; opened: OpenedDraft; report: ImportReport };
type Message = { text: string; tone: 'ok' | 'error'; undo?: string };

/** Start-up notices concern the whole session: shown on the first visit to the home page only. */
let startupNoticesShown = false;

/**
 * Latest first, as instants: a plain comparison, since localeCompare would load the browser's
 * collation data during the first render.
 */
const latestFirst = (list: DraftSummary[]) =>
  [...list].sort((a, b) => (Date.parse(b.updatedAt) || 0) - (Date.parse(a.updatedAt) || 0));

/**
 * Opens a draft the services just made current: a new one, a restored backup, one back from the
 * recycle bin, an imported file. It is the version the clerk chose, so edits left over in the
 * journal from an earlier version must not be laid over it, nor entries refused on it shown again.
 */
function openDraft(opened: OpenedDraft) {
  clearJournal(opened.draft.id);
  forgetKeptUnfinished(opened.draft.id);
  handOffNotices(opened.draft.id, opened.notices);
  navigate({ page: 'wizard', id: opened.draft.id, step: null });
}

export function HomePage() {
  const { t, i18n } = useTranslation();
  // The list the page asked for as it loaded, when it is back: the first render draws it.
  const [drafts, setDrafts] = useState<DraftSummary[] | null>(() => {
    const list = arrived<DraftSummary[]>('drafts');
    return list ? latestFirst(list) : null;
  });
  const drawnWithList = useRef(drafts !== null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [open, setOpen] = useState<Open>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const reload = useCallback(async () => {
    try {
      setDrafts(latestFirst(await fetchOnce('drafts', () => window.nianbao.drafts.list())));
    } catch (error) {
      setMessage({ text: describeError(t, error), tone: 'error' });
      setDrafts([]);
    }
  }, [t]);

  useEffect(() => {
    if (drawnWithList.current) claim('drafts');
    else void reload();
    if (!startupNoticesShown) {
      startupNoticesShown = true;
      void window.nianbao.app.startupNotices().then(setNotices);
    }
  }, [reload]);

  const act = async (work: () => Promise<Message | null>) => {
    try {
      setMessage(await work());
    } catch (error) {
      setMessage({ text: describeError(t, error), tone: 'error' });
    }
    await reload();
  };

  const duplicate = (d: DraftSummary) =>
    act(async () => {
      await window.nianbao.drafts.duplicate(d.id);
      return { text: t('ui.home.duplicated', { unit: d.unitName || t('ui.home.unnamed') }), tone: 'ok' };
    });
  const remove = (d: DraftSummary) =>
    act(async () => {
      const { ok } = await window.nianbao.drafts.remove(d.id);
      if (!ok) return { text: t('ui.home.removeFailed'), tone: 'error' };
      clearJournal(d.id);
      forgetKeptUnfinished(d.id);
      return {
        text: t('ui.home.removed', { unit: d.unitName || t('ui.home.unnamed') }),
        tone: 'ok',
        undo: d.id,
      };
    });
  const undoRemove = (id: string) =>
    act(async () => {
      await window.nianbao.drafts.restoreFromTrash(id);
      clearJournal(id);
      return { text: t('ui.home.restored'), tone: 'ok' };
    });

  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    try {
      const result = await window.nianbao.drafts.importFile({ fileName: file.name, text: await file.text() });
      if (result.ok) openDraft(result.opened);
      else
        setMessage({
          text: t('ui.home.importFailed', { file: file.name, reason: messageText(t, result.error) }),
          tone: 'error',
        });
    } catch (error) {
      setMessage({ text: describeError(t, error), tone: 'error' });
    }
  };

  // A report written in Word or WPS, or a saved page: imported, then shown with what was read before the wizard opens.
  const importDocument = async (file: File) => {
    try {
      const result = await window.nianbao.drafts.importDocument({
        fileName: file.name,
        data: await fileAsBase64(file),
      });
      if (result.ok) setOpen({ kind: 'imported', opened: result.opened, report: result.report });
      else
        setMessage({
          text: t('import.ui.failed', { file: file.name, reason: messageText(t, result.error) }),
          tone: 'error',
        });
    } catch (error) {
      setMessage({ text: describeError(t, error), tone: 'error' });
    }
    await reload();
  };

  return (
    <div className="page">
      <TopBar />
      <main className="home" aria-labelledby="home-title">
        <Notices notices={notices} onDismiss={(i) => setNotices((n) => n.filter((_, j) => j !== i))} />
        <div className="home-head">
          <h1 id="home-title">{t('ui.home.title')}</h1>
          <div className="home-actions">
            <button type="button" className="primary" onClick={() => setOpen({ kind: 'new' })}>
              {t('ui.home.new')}
            </button>
            <button type="button" onClick={() => fileInput.current?.click()}>
              {t('ui.home.import')}
            </button>
            <input
              ref={fileInput}
              type="file"
              accept=".json,application/json"
              className="visually-hidden"
              tabIndex={-1}
              aria-label={t('ui.home.import')}
              onChange={(e) => void importFile(e)}
            />
            <button
              type="button"
              onClick={() => pickFile(IMPORT_ACCEPT, (file) => void importDocument(file))}
            >
              {t('import.ui.importButton')}
            </button>
            <button type="button" onClick={() => setOpen({ kind: 'trash' })}>
              {t('ui.home.trash')}
            </button>
            <a className="button-link" href="#/county">
              {t('county.ui.homeLink')}
            </a>
          </div>
        </div>
        {message && (
          <div className={`banner ${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
            <p>{message.text}</p>
            {message.undo && (
              <button type="button" onClick={() => void undoRemove(message.undo!)}>
                {t('ui.home.undo')}
              </button>
            )}
            <button type="button" onClick={() => setMessage(null)}>
              {t('ui.common.dismiss')}
            </button>
          </div>
        )}
        {drafts?.length === 0 && <p className="empty">{t('ui.home.empty')}</p>}
        {drafts && drafts.length > 0 && (
          <ul className="draft-list" aria-label={t('ui.home.listLabel')}>
            {drafts.map((d) => (
              <li key={d.id} className="draft-card">
                <div className="draft-main">
                  <h2>
                    <button
                      type="button"
                      className="draft-open"
                      onClick={() => navigate({ page: 'wizard', id: d.id, step: null })}
                    >
                      {d.unitName || t('ui.home.unnamed')}
                    </button>
                  </h2>
                  <p className="draft-facts">
                    <span>{t('ui.home.yearLabel', { year: d.year })}</span>
                    <span>{d.templateName}</span>
                    <span>{t('ui.home.edited', { when: formatMoment(d.updatedAt, i18n.language) })}</span>
                  </p>
                  <p className="draft-status">
                    <CheckStatus
                      errors={d.errors}
                      warnings={d.warnings}
                      unsaved={readKeptUnfinished(d.id).length}
                    />
                  </p>
                </div>
                <div className="draft-actions">
                  <button
                    type="button"
                    className="primary"
                    onClick={() => navigate({ page: 'wizard', id: d.id, step: null })}
                    aria-label={t('ui.home.continueFor', { unit: d.unitName, year: d.year })}
                  >
                    {t('ui.home.continue')}
                  </button>
                  <button type="button" onClick={() => void duplicate(d)}>
                    {t('ui.home.duplicate')}
                  </button>
                  <button type="button" onClick={() => setOpen({ kind: 'backups', draft: d })}>
                    {t('ui.home.backups')}
                  </button>
                  <button type="button" className="danger" onClick={() => void remove(d)}>
                    {t('ui.home.remove')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </main>
      {open?.kind === 'new' && (
        <NewReportDialog drafts={drafts ?? []} onClose={() => setOpen(null)} onCreated={openDraft} />
      )}
      {open?.kind === 'imported' && (
        <ImportReportDialog
          opened={open.opened}
          report={open.report}
          onClose={() => setOpen(null)}
          onOpen={openDraft}
        />
      )}
      {open?.kind === 'trash' && <TrashDialog onClose={() => setOpen(null)} onRestored={openDraft} />}
      {open?.kind === 'backups' && (
        <BackupsDialog draft={open.draft} onClose={() => setOpen(null)} onRestored={openDraft} />
      )}
    </div>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { feedbackItems, type Translate } from '../../shared/county/feedback';
import type { ReceivedFile } from '../../shared/county/workspace';
import { runChecks, type Finding } from '../../shared/report/checks';
import type { Draft } from '../../shared/report/draft';
import { findTemplate } from '../../shared/report/templates';
import { describeError, messageText } from '../app/errors';
import { formatMoment } from '../app/format';
import { navigate } from '../app/route';
import { useSettings } from '../app/settings';
import { ChecksPanel } from '../checks';
import { PagedPreview } from '../preview';
import type { Zoom } from '../preview/PagedPreview';

/**
 * One unit's report, to read and never to edit: which file (and earlier ones), its findings with
 * what the report says where and what it should say, and its pages as the Word file lays them out.
 */
export function UnitView(props: { year: number; unit: string }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const [files, setFiles] = useState<{ file: ReceivedFile; draft: Draft }[] | null>(null);
  const [error, setError] = useState('');
  const [version, setVersion] = useState(0);
  const [chosen, setChosen] = useState<Finding | null>(null);
  const [written, setWritten] = useState('');
  const [zoom, setZoom] = useState<Zoom>('fit');

  useEffect(() => {
    window.nianbao.county
      .unit(props.year, props.unit)
      .then(setFiles)
      .catch((e: unknown) => setError(describeError(t, e)));
  }, [props.year, props.unit, t]);

  const current = files?.[version];
  const template = current ? findTemplate(current.draft.template) : undefined;
  const findings = useMemo(
    () => (current && template ? runChecks(template, current.draft) : []),
    [current, template],
  );
  const detail = useMemo(() => {
    if (!chosen || !current || !template) return null;
    return feedbackItems(template, current.draft, [chosen], t as unknown as Translate)[0] ?? null;
  }, [chosen, current, template, t]);
  const close = () => navigate({ page: 'county', year: props.year, unit: null });

  return (
    <section className="county-unit-view" aria-label={t('county.ui.unit.label', { unit: props.unit })}>
      <div className="county-unit-head">
        <button type="button" onClick={close}>
          ◂ {t('county.ui.unit.back')}
        </button>
        <h2>{props.unit}</h2>
        <span className="county-readonly-mark">{t('county.ui.unit.readOnly')}</span>
        <button
          type="button"
          onClick={() =>
            void window.nianbao.county
              .exportFeedback(props.year, [props.unit])
              .then((r) => {
                if (r.ok) setWritten(t('county.ui.export.written', { path: r.path, count: r.files.length }));
                else if ('error' in r) setError(messageText(t, r.error));
              })
              .catch((e: unknown) => setError(describeError(t, e)))
          }
        >
          {t('county.ui.unit.export')}
        </button>
        {files && files.length > 1 && (
          <label>
            {t('county.ui.unit.version')}
            <select value={version} onChange={(e) => setVersion(Number(e.target.value))}>
              {files.map((f, i) => (
                <option key={f.file.id} value={i}>
                  {`${f.file.fileName} · ${formatMoment(f.file.receivedAt, i18n.language)}${i === 0 ? ` · ${t('county.ui.unit.current')}` : ''}`}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {written && (
        <div className="banner ok" role="status">
          <p>{written}</p>
        </div>
      )}
      {error && (
        <div className="banner error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {current && !template && (
        <p className="banner error">
          {t('county.ui.unit.unknownTemplate', { template: current.draft.template })}
        </p>
      )}
      {current && template && (
        <div className="county-unit-body">
          <div className="county-unit-checks">
            <ChecksPanel
              template={template}
              findings={findings}
              variant={current.draft.variant}
              onJump={setChosen}
            />
            {detail && (
              <dl className="county-detail" aria-live="polite">
                <dt>{t('county.ui.unit.where')}</dt>
                <dd>{detail.where}</dd>
                {detail.says && (
                  <>
                    <dt>{t('county.ui.unit.says')}</dt>
                    <dd>{detail.says}</dd>
                  </>
                )}
                {detail.shouldSay && (
                  <>
                    <dt>{t('county.ui.unit.should')}</dt>
                    <dd>{detail.shouldSay}</dd>
                  </>
                )}
              </dl>
            )}
          </div>
          <div className="county-unit-preview">
            <PagedPreview
              template={template}
              draft={current.draft}
              options={{ boldHeadings: settings.boldHeadings, lineSpacing: settings.lineSpacing }}
              final={findings.every((f) => f.severity !== 'error')}
              zoom={zoom}
              onZoom={setZoom}
            />
          </div>
        </div>
      )}
    </section>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../shared/report/checks/finding';
import type { Draft } from '../../shared/report/draft';
import type { TemplateDef } from '../../shared/report/template';
import { useSettings } from '../app/settings';
import { ChecksPanel } from '../checks';
import { PagedPreview, type Zoom } from '../preview/PagedPreview';
import type { Unfinished } from './unfinished';
import { UnfinishedBanner } from './UnfinishedBanner';

/**
 * Beside the step: the checks (every finding, errors first, each a jump to where it is) and the
 * page-true preview of the report as it will print. The preview follows the draft as the clerk types.
 */
export function SidePane(props: {
  template: TemplateDef;
  draft: Draft;
  findings: Finding[];
  onJump(finding: Finding): void;
  onAcknowledge(id: string): void;
  /** Entries refused at their field: not in the draft, so the checks above cannot see them. */
  unfinished: readonly Unfinished[];
  onShowUnfinished(entry: Unfinished): void;
  preferPreview: boolean;
  /** Folded to a narrow bar, leaving the width to a wide table; the counts stay in view. */
  collapsed: boolean;
  onCollapsed(collapsed: boolean): void;
}) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [tab, setTab] = useState<'checks' | 'preview'>(props.preferPreview ? 'preview' : 'checks');
  // The export step is about the finished pages: show them when the clerk arrives there.
  useEffect(() => {
    if (props.preferPreview) setTab('preview');
  }, [props.preferPreview]);
  // Kept while the clerk switches to the checks and back.
  const [zoom, setZoom] = useState<Zoom>('fit');

  // A refused entry counts as an error: the report is unfinished, and would export as a 草稿.
  const errors = props.findings.filter((f) => f.severity === 'error').length + props.unfinished.length;
  const open = props.findings.filter((f) => !f.acknowledged).length + props.unfinished.length;
  const badge = open > 0 && <span className={`chip ${errors > 0 ? 'error' : 'warning'}`}>{open}</span>;

  if (props.collapsed)
    return (
      <aside className="side-pane collapsed" aria-label={t('ui.side.label')}>
        <button
          type="button"
          className="side-expand"
          aria-expanded={false}
          onClick={() => {
            setTab('checks');
            props.onCollapsed(false);
          }}
        >
          <span>{t('ui.side.checks')}</span>
          {badge}
        </button>
        <button
          type="button"
          className="side-expand"
          aria-expanded={false}
          onClick={() => {
            setTab('preview');
            props.onCollapsed(false);
          }}
        >
          <span>{t('ui.side.preview')}</span>
        </button>
      </aside>
    );

  return (
    <aside className="side-pane" aria-label={t('ui.side.label')}>
      <div className="tabs" role="tablist">
        <button
          type="button"
          role="tab"
          id="tab-checks"
          aria-selected={tab === 'checks'}
          aria-controls="panel-checks"
          onClick={() => setTab('checks')}
        >
          {t('ui.side.checks')}
          {badge}
        </button>
        <button
          type="button"
          role="tab"
          id="tab-preview"
          aria-selected={tab === 'preview'}
          aria-controls="panel-preview"
          onClick={() => setTab('preview')}
        >
          {t('ui.side.preview')}
        </button>
        <button
          type="button"
          className="side-collapse"
          aria-expanded={true}
          onClick={() => props.onCollapsed(true)}
        >
          {t('ui.side.collapse')} ▸
        </button>
      </div>
      <div className="side-body">
        {tab === 'checks' ? (
          <div id="panel-checks" role="tabpanel" aria-labelledby="tab-checks" className="side-panel">
            <UnfinishedBanner
              entries={props.unfinished}
              onShow={props.onShowUnfinished}
              className="side-unfinished"
            />
            <ChecksPanel
              template={props.template}
              findings={props.findings}
              onJump={props.onJump}
              onAcknowledge={props.onAcknowledge}
              variant={props.draft.variant}
              unsaved={props.unfinished.length}
            />
          </div>
        ) : (
          <div
            id="panel-preview"
            role="tabpanel"
            aria-labelledby="tab-preview"
            className="side-panel is-preview"
          >
            <PagedPreview
              template={props.template}
              draft={props.draft}
              options={{ boldHeadings: settings.boldHeadings, lineSpacing: settings.lineSpacing }}
              final={errors === 0}
              zoom={zoom}
              onZoom={setZoom}
            />
          </div>
        )}
      </div>
    </aside>
  );
}

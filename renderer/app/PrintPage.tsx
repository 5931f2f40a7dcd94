import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserMessage } from '../../shared/bridge';
import type { Draft } from '../../shared/report/draft';
import { findTemplate } from '../../shared/report/templates';
import { PrintView } from '../preview/PrintView';
import { messageText, toUserMessage } from './errors';
import type { PrintSize } from './route';
import { useSettings } from './settings';

/**
 * The print route (#/print/<id>?size=…&final=…) that the shell prints or saves as PDF: the stored
 * draft in the print layout and nothing else. PrintView sets <html data-print-ready="1"> once
 * fonts are loaded and the pages are laid out; the shell waits for that.
 */
export function PrintPage(props: { id: string; size: PrintSize; final: boolean }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problem, setProblem] = useState<UserMessage | null>(null);
  useEffect(() => {
    document.documentElement.classList.add('print-route');
    window.nianbao.drafts
      .open(props.id)
      .then((opened) => setDraft(opened.draft))
      .catch((error: unknown) => setProblem(toUserMessage(error)));
    return () => document.documentElement.classList.remove('print-route');
  }, [props.id]);

  const template = draft ? findTemplate(draft.template) : undefined;
  if (problem) return <p role="alert">{messageText(t, problem)}</p>;
  if (!draft || !template) return null;
  return (
    <PrintView
      template={template}
      draft={draft}
      options={{ boldHeadings: settings.boldHeadings, lineSpacing: settings.lineSpacing }}
      final={props.final}
      size={props.size}
    />
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, UserMessage } from '../../shared/bridge';
import type { Draft } from '../../shared/report/draft';
import { findTemplate } from '../../shared/report/templates';
import { PrintView } from '../preview/PrintView';
import { messageText, toUserMessage } from './errors';
import type { PrintSize } from './route';

/**
 * The print route (#/print/<id>?size=…&final=…) that the shell prints or saves as PDF: the stored
 * draft in the print layout and nothing else. PrintView sets <html data-print-ready="1"> once
 * fonts are loaded and the pages are laid out; the shell waits for that.
 *
 * The draft and the layout settings are read afresh on every visit of the route, a changed hash
 * (any extra query, such as a counter) included: the browser mode's PDF renderer keeps one page
 * on this route and prints each export by changing its hash, and the clerk may have edited the
 * draft or the line spacing since the last one.
 */
export function PrintPage(props: { id: string; size: PrintSize; final: boolean }) {
  const { t } = useTranslation();
  const [printed, setPrinted] = useState<{ draft: Draft; settings: Settings } | null>(null);
  const [problem, setProblem] = useState<UserMessage | null>(null);
  const visit = location.hash;
  useEffect(() => {
    document.documentElement.classList.add('print-route');
    return () => document.documentElement.classList.remove('print-route');
  }, []);
  useEffect(() => {
    let current = true;
    Promise.all([window.nianbao.drafts.open(props.id), window.nianbao.settings.get()])
      .then(([opened, settings]) => {
        if (current) setPrinted({ draft: opened.draft, settings });
      })
      .catch((error: unknown) => {
        if (current) setProblem(toUserMessage(error));
      });
    return () => {
      current = false;
    };
  }, [props.id, visit]);

  const template = printed ? findTemplate(printed.draft.template) : undefined;
  if (problem) return <p role="alert">{messageText(t, problem)}</p>;
  if (!printed || !template) return null;
  const { boldHeadings, lineSpacing } = printed.settings;
  return (
    <PrintView
      template={template}
      draft={printed.draft}
      options={{ boldHeadings, lineSpacing }}
      final={props.final}
      size={props.size}
    />
  );
}

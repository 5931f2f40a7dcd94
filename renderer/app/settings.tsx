import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { i18n } from 'i18next';
import type { Settings, UserMessage } from '../../shared/bridge';
import { toUserMessage } from './errors';

/**
 * The clerk's settings, applied the moment they change: the UI language, the text size (all
 * sizes in the style sheets are rem, so one root font size scales the whole UI), and the Word
 * layout choices the preview and exports share.
 */
interface SettingsContextValue {
  settings: Settings;
  update(patch: Partial<Settings>): Promise<void>;
  /** Why the last change could not be stored (it still applies until the app is closed). */
  problem: UserMessage | null;
}

const SettingsContext = createContext<SettingsContextValue | null>(null);

export function applySettings(settings: Settings, i18n: i18n): void {
  const root = document.documentElement;
  root.lang = settings.language;
  root.style.fontSize = `${settings.textSize}%`;
  if (i18n.language !== settings.language) void i18n.changeLanguage(settings.language);
}

export function SettingsProvider(props: { initial: Settings; i18n: i18n; children: ReactNode }) {
  const { i18n } = props;
  const [settings, setSettings] = useState(props.initial);
  const latest = useRef(props.initial);
  const [problem, setProblem] = useState<UserMessage | null>(null);
  const update = useCallback(
    async (patch: Partial<Settings>) => {
      // Applied at once, before the service answers, so the clerk sees the change as they click.
      const next = { ...latest.current, ...patch };
      latest.current = next;
      setSettings(next);
      applySettings(next, i18n);
      try {
        const saved = await window.nianbao.settings.set(patch);
        latest.current = saved;
        setSettings(saved);
        applySettings(saved, i18n);
        setProblem(null);
      } catch (error) {
        setProblem(toUserMessage(error));
      }
    },
    [i18n],
  );
  const value = useMemo(() => ({ settings, update, problem }), [settings, update, problem]);
  return <SettingsContext.Provider value={value}>{props.children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings outside SettingsProvider');
  return value;
}

import type Store from 'electron-store';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  plainName,
  settings as settingsSchema,
  type Notice,
  type Settings,
  type SettingsPatch,
} from '../../shared/bridge';
import { errorDetail, UserError } from './errors';
import { openJsonStore } from './json-store';
import { localFolder } from './local-folder';
import type { DataLayout } from './layout';
import type { Log } from './log';
import { retryWhileLocked } from './retry';

/**
 * The clerk's settings in `settings.json`. A value that no longer fits the schema (a hand edit, an
 * older app) falls back to its default alone, so one bad value does not reset the others.
 */
export class SettingsStore {
  private current: Settings;

  private constructor(
    private readonly store: Store<Record<string, unknown>>,
    raw: unknown,
  ) {
    this.current = fromFile(raw);
  }

  static async open(
    layout: DataLayout,
    log: Log,
    now: Date,
  ): Promise<{ settings: SettingsStore; notices: Notice[] }> {
    const { store, movedAside } = await openJsonStore(layout, 'settings', now);
    const notices: Notice[] = [];
    if (movedAside) {
      log('warn', `settings unreadable (${movedAside.detail}), moved to ${movedAside.to}`);
      notices.push({
        severity: 'warning',
        key: 'app.storage.settingsReset',
        params: { file: movedAside.from, movedTo: movedAside.to },
      });
    }
    return { settings: new SettingsStore(store, store.store), notices };
  }

  get(): Settings {
    return this.current;
  }

  /**
   * Changes only the settings the patch names; a value sent as `undefined` changes nothing. A
   * last folder is remembered only when it is an existing folder on a local disk (localFolder).
   */
  async set(patch: SettingsPatch): Promise<Settings> {
    const { phrases, lastFolder, ...rest } = patch;
    const next = settingsSchema.parse({
      ...this.current,
      ...defined(rest),
      ...(lastFolder === undefined ? {} : { lastFolder: await existingLocalFolder(lastFolder) }),
      phrases: { ...this.current.phrases, ...defined(phrases ?? {}) },
    });
    try {
      await retryWhileLocked(() => {
        this.store.store = next;
      });
    } catch (error) {
      throw new UserError('app.storage.settingsSaveFailed', {
        file: this.store.path,
        detail: errorDetail(error),
      });
    }
    this.current = next;
    return next;
  }
}

async function existingLocalFolder(value: string): Promise<string> {
  const folder = localFolder(value, path);
  const exists = folder
    ? await stat(folder).then(
        (s) => s.isDirectory(),
        () => false,
      )
    : folder === '';
  if (folder === null || !exists)
    throw new UserError('app.storage.folderRefused', { folder: plainName(value) });
  return folder;
}

function defined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The settings file as read, with a last folder that is not a local one (a hand edit, an older app) forgotten. */
function fromFile(raw: unknown): Settings {
  const settings = fieldByField(raw);
  return localFolder(settings.lastFolder, path) === null ? { ...settings, lastFolder: '' } : settings;
}

function fieldByField(raw: unknown): Settings {
  const whole = settingsSchema.safeParse(raw);
  if (whole.success) return whole.data;
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const kept = Object.fromEntries(
    Object.entries(settingsSchema.shape).flatMap(([key, schema]) => {
      const one = schema.safeParse(source[key]);
      return one.success && source[key] !== undefined ? [[key, one.data]] : [];
    }),
  );
  return settingsSchema.parse(kept);
}

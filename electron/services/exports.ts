import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ExportResult, UserMessage } from '../../shared/bridge';
import { exportDocx } from '../../shared/export/docx/index';
import { exportXlsx } from '../../shared/export/xlsx/index';
import { openCounts, runChecks } from '../../shared/report/checks/index';
import type { Draft } from '../../shared/report/draft';
import { serializeDraft } from '../../shared/report/draft-io';
import { documentTitle } from '../../shared/report/model';
import type { TemplateDef } from '../../shared/report/template';
import { findTemplate } from '../../shared/report/templates/index';
import { WriteFailure, writeFileAtomic } from './atomic-file';
import type { DraftLibrary } from './drafts';
import { errorDetail, userMessage, UserError } from './errors';
import { suggestedFileName, withExtension, type ExportKind } from './file-names';
import type { Log } from './log';
import { isLockError } from './retry';
import type { SettingsStore } from './settings-store';

export type PrintSize = 'a4' | 'a3' | 'a4-enlarged';
type PrintOutcome = { ok: true } | { ok: false; cancelled: true };

export interface ExportDeps {
  library: DraftLibrary;
  settings: SettingsStore;
  chooseSavePath(suggestedName: string, kind: ExportKind, lastFolder: string): Promise<string | null>;
  renderPdf(id: string, size: PrintSize, final: boolean): Promise<Uint8Array>;
  print(id: string, size: PrintSize, final: boolean): Promise<PrintOutcome>;
  showInFolder(path: string): void;
  log: Log;
}

const failure = (error: UserMessage) => ({ ok: false, error }) as const;

/** What the clerk is told when an export could not be written, by the step that failed and what the disk said. */
export function exportFailure(error: unknown, target: string): UserMessage {
  const folder = dirname(target);
  if (!(error instanceof WriteFailure))
    return userMessage('app.export.failed', { file: target, detail: errorDetail(error) });
  const { code, stage } = error;
  if (code === 'ENOSPC' || code === 'EDQUOT') return userMessage('app.export.diskFull', { file: target });
  if (stage === 'temp') {
    if (code === 'ENOENT' || code === 'ENOTDIR') return userMessage('app.export.folderMissing', { folder });
    if (isLockError(error.cause) || code === 'EROFS')
      return userMessage('app.export.folderReadOnly', { folder });
  }
  if (stage === 'rename') {
    // Windows refuses to replace a file that WPS or Word holds open (EPERM / EBUSY).
    if (isLockError(error.cause)) return userMessage('app.export.locked', { file: target });
    if (code === 'EISDIR') return userMessage('app.export.targetIsFolder', { file: target });
  }
  return userMessage('app.export.failed', { file: target, detail: code || error.message });
}

/**
 * Export to the clerk's disk: Word, Excel, PDF and the draft exchange file, through a save dialog
 * that proposes the report's title in the last folder used, written atomically so a failed export
 * never leaves half a file. A final export refuses a draft with errors; any other export is
 * marked 草稿. Only files written in this session can be shown in the file manager.
 */
export class Exporter {
  private readonly exported = new Set<string>();

  constructor(private readonly deps: ExportDeps) {}

  docx(id: string, final: boolean): Promise<ExportResult> {
    const { boldHeadings, lineSpacing } = this.deps.settings.get();
    return this.write('docx', id, final, (template, draft) =>
      exportDocx(template, draft, { boldHeadings, lineSpacing, draftMark: !final }),
    );
  }

  xlsx(id: string, final: boolean): Promise<ExportResult> {
    return this.write('xlsx', id, final, (template, draft) =>
      exportXlsx(template, draft, { draftMark: !final }),
    );
  }

  pdf(id: string, final: boolean, size: PrintSize): Promise<ExportResult> {
    return this.write('pdf', id, final, () => this.deps.renderPdf(id, size, final));
  }

  /** The draft as an exchange file (for the USB stick or the county); never marked, never checked. */
  draftFile(id: string): Promise<ExportResult> {
    return this.write('json', id, null, async (_template, draft) => serializeDraft(draft));
  }

  async print(
    id: string,
    size: PrintSize,
    final: boolean,
  ): Promise<PrintOutcome | { ok: false; error: UserMessage }> {
    try {
      const { template, draft } = await this.draftOf(id);
      const refused = final ? this.refuseWithErrors(template, draft) : null;
      if (refused) return failure(refused);
      return await this.deps.print(id, size, final);
    } catch (error) {
      return failure(this.reported(error, 'app.print.failed'));
    }
  }

  showInFolder(path: string): { ok: boolean } {
    const target = resolve(path);
    if (!this.exported.has(target) || !existsSync(target)) return { ok: false };
    this.deps.showInFolder(target);
    return { ok: true };
  }

  /** `final` null: the exchange file, which is neither checked nor marked. */
  private async write(
    kind: ExportKind,
    id: string,
    final: boolean | null,
    render: (template: TemplateDef, draft: Draft) => Promise<Uint8Array | string>,
  ): Promise<ExportResult> {
    const { settings, chooseSavePath, log } = this.deps;
    let template: TemplateDef;
    let draft: Draft;
    try {
      ({ template, draft } = await this.draftOf(id));
    } catch (error) {
      return failure(this.reported(error, 'app.error.unexpected'));
    }
    const refused = final ? this.refuseWithErrors(template, draft) : null;
    if (refused) return failure(refused);
    const marked = final === false;

    const chosen = await chooseSavePath(
      suggestedFileName(documentTitle(template, draft), kind, marked),
      kind,
      settings.get().lastFolder,
    );
    if (chosen === null) return { ok: false, cancelled: true };
    const target = withExtension(resolve(chosen), kind);

    let bytes: Uint8Array | string;
    try {
      bytes = await render(template, draft);
    } catch (error) {
      return failure(this.reported(error, 'app.export.renderFailed'));
    }
    try {
      await writeFileAtomic(target, bytes);
    } catch (error) {
      log('error', `export to ${target} failed: ${errorDetail(error)}`);
      return failure(exportFailure(error, target));
    }
    this.exported.add(target);
    await settings.set({ lastFolder: dirname(target) }).catch((error: unknown) => {
      log('warn', `last folder not remembered: ${errorDetail(error)}`);
    });
    return { ok: true, path: target, draftMarked: marked };
  }

  private async draftOf(id: string): Promise<{ template: TemplateDef; draft: Draft }> {
    const { draft } = await this.deps.library.open(id);
    const template = findTemplate(draft.template);
    if (!template) throw new UserError('app.error.unknownTemplate', { template: draft.template });
    return { template, draft };
  }

  private refuseWithErrors(template: TemplateDef, draft: Draft): UserMessage | null {
    const { errors } = openCounts(runChecks(template, draft));
    return errors > 0 ? userMessage('app.export.hasErrors', { count: errors }) : null;
  }

  /** A UserError says what to tell; anything else is a bug, logged in full and told as `fallback` with the detail. */
  private reported(error: unknown, fallback: string): UserMessage {
    if (error instanceof UserError) return error.userMessage;
    this.deps.log(
      'error',
      `${fallback}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return userMessage(fallback, { detail: errorDetail(error) });
  }
}

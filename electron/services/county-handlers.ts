import type { BridgeHandlers } from '../../shared/bridge';
import { repeatShareOf } from '../../shared/county/repeat-share';
import { serializeDraft } from '../../shared/report/draft-io';
import { CountyExporter, totalsDraft } from './county-exports';
import { CountyWorkspaces } from './county-workspace';
import type { DraftLibrary } from './drafts';
import type { ExportKind } from './file-names';
import type { Log } from './log';

export interface CountyHandlerDeps {
  dataDir: string;
  now: () => Date;
  log: Log;
  library: DraftLibrary;
  chooseSavePath(suggestedName: string, kind: ExportKind): Promise<string | null>;
}

/** The `county:*` methods of the bridge over the county workspaces of the data folder. */
export function countyHandlers(deps: CountyHandlerDeps): BridgeHandlers['county'] {
  const workspaces = new CountyWorkspaces({
    dataDir: deps.dataDir,
    now: deps.now,
    log: deps.log,
    repeatShare: repeatShareOf,
  });
  const exporter = new CountyExporter({ workspaces, chooseSavePath: deps.chooseSavePath, now: deps.now });
  return {
    years: () => workspaces.years(),
    open: (year) => workspaces.view(year),
    setRoster: (year, roster) => workspaces.setRoster(year, roster),
    copyRoster: (year, from) => workspaces.copyRoster(year, from),
    setDetails: (year, details) => workspaces.setDetails(year, details),
    addFile: ({ year, fileName, data, receivedOn }) =>
      workspaces.addFile(
        year,
        fileName,
        Uint8Array.from(Buffer.from(data, 'base64')),
        // Noon of the day the clerk names, so no time zone moves it to another day.
        receivedOn === undefined ? undefined : new Date(`${receivedOn}T12:00:00`).toISOString(),
      ),
    assign: (year, fileId, unit) => workspaces.assign(year, fileId, unit),
    unit: (year, unit) => workspaces.unitFiles(year, unit),
    exportFeedback: (year, units) => exporter.feedback(year, units),
    exportTotals: (year) => exporter.totals(year),
    totalsDraft: async (year) => {
      const summary = await totalsDraft(workspaces, year);
      if (!summary) return { ok: false, error: { key: 'county.export.noTotals', params: {} } };
      const imported = await deps.library.importFile(`${year}-county.json`, serializeDraft(summary));
      return imported.ok ? { ok: true, id: imported.opened.draft.id } : imported;
    },
  };
}

import type { ProseFigure } from './claims';
import type { UnitFinding, YearFinding, YearSource } from './identity';
import type { SlotPlacement } from './prose';
import type { Origin } from './source';
import type { Confidence } from './tables';
import type { ScriptChanges } from './traditional';

export type ImportFormat = 'docx' | 'html' | 'text';

/** A table cell read into a field. */
export interface ReadCell {
  field: string;
  /** The field's label in the template, e.g. 行政规范性文件 本年制发件数. */
  label: string;
  table: string;
  /** null: printed blank, "/", "—" or 无 (`printed` says which): not a 0. */
  value: number | null;
  printed: string;
  origin: Origin;
  confidence: Confidence;
  /** A total the source printed, kept in `declared` for the checks to compare. */
  declared: boolean;
}

export type NotPlacedReason =
  'unknownHeading' | 'noSlot' | 'strayNumber' | 'extraNumber' | 'unreadableNumber';
export type SkippedReason =
  'title' | 'signature' | 'date' | 'attachment' | 'tableText' | 'beforeTitle' | 'pageNumber';

/**
 * What an import found and where, for the clerk to check before trusting the draft: every cell
 * and slot with where it came from and how sure the import is, what was left out and why, the
 * cells printed blank, and the year and unit with every place they were found.
 */
export interface ImportReport {
  fileName: string;
  format: ImportFormat;
  /** Traditional characters read as simplified, and converters' pinyin notes removed. */
  script: ScriptChanges;
  /** Tracked changes (修订) a Word file still holds: its text is read as if all were accepted. */
  trackedChanges: number;
  template: string;
  variant: string;
  /** Template rows found in the document's tables, and the section headings matched. */
  recognisedBy: { tableRows: number; sections: string[] };
  year: {
    value: number;
    source: YearSource | 'assumed';
    found: YearFinding[];
    /** The title, the statistics period and the prose do not name one year. */
    disagree: boolean;
  };
  unit: { name: string; found: UnitFinding[] };
  issuedOn: string;
  cells: ReadCell[];
  /** Blank cells per table id (表三 has 4 blank cells). */
  blankCount: Record<string, number>;
  /** Fields of a table the document printed, which it did not print. */
  missing: { field: string; label: string; table: string }[];
  /** Numbers read from the prose (the old reports printed no table). */
  figures: (ProseFigure & { label: string; declared: boolean })[];
  lists: { list: string; slot: string; items: number }[];
  slots: SlotPlacement[];
  notPlaced: { text: string; origin: Origin; reason: NotPlacedReason; slot?: string }[];
  skipped: { text: string; origin: Origin; reason: SkippedReason }[];
}

/**
 * The shape of a report template. A template is data: the wizard, the checks, the prose generator
 * and the Word, Excel and print exporters all read one of these, and none of them switches on a
 * template's id. Adding a province's variant means adding data here, not a branch elsewhere.
 *
 * Chinese strings in a template are report text (they go into the document); user-interface
 * strings live in shared/locales and are referenced by key.
 */

export type Severity = 'error' | 'warning';

/** 乡镇 / 街道 / 县直部门 / 其他 */
export const UNIT_KINDS = ['township', 'subdistrict', 'county-department', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** One number of the report. Ids are dotted paths such as `t3.new.natural`. */
export interface FieldDef {
  id: string;
  /** Full Chinese label, used in messages and in the flat 指标/数值 sheet. */
  label: string;
  kind: 'count' | 'money';
  /** Money only: the most decimals a clerk may type (4 for 万元). */
  decimals?: number;
  /** Printed unit, e.g. 件, 条, 万元, 元. */
  unit?: string;
  /** A computed total: the sum of these fields (which may be computed themselves). */
  sum?: string[];
  /** A computed total: the sum of a category list's items. */
  listSum?: string;
  /** The rule a computed total stands for (R2, R3, R4, L1 …), reported when a declared total disagrees. */
  rule?: string;
}

export type CellDef = TextCell | FieldCell;

export interface TextCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  align?: 'left' | 'center';
  /** Indent steps for nested row labels (（一）… 1.…). */
  indent?: number;
}

export interface FieldCell {
  field: string;
  colSpan?: number;
  rowSpan?: number;
}

export interface TableRowDef {
  cells: CellDef[];
  /** Header rows repeat at the top of every printed page (w:tblHeader, Excel print titles). */
  header?: boolean;
  /** A caption row spanning the table, such as 第二十条第（一）项. */
  caption?: boolean;
}

export interface TableDef {
  id: string;
  /** Caption printed above the table, e.g. 附表2 依申请公开情况统计. Optional for inline national tables. */
  title?: string;
  /** Unit line printed with the caption, e.g. 单位：条. */
  unit?: string;
  /** Excel sheet name (at most 31 characters, no []:*?/\). */
  sheetName: string;
  /** Relative widths of the column grid; exporters scale them to the printable width. */
  columns: number[];
  rows: TableRowDef[];
  /** Type size in points inside the table (12 = 小四, 10.5 = 五号, 9 = 小五). */
  fontSize: number;
  orientation?: 'portrait' | 'landscape';
}

/** A place for prose in a section. */
export interface SlotDef {
  id: string;
  /** A fixed sub-heading such as （一）主动公开. Absent where the clerk writes free prose. */
  heading?: string;
  /** Standard-phrase library to offer in the wizard. */
  phrases?: 'measures' | 'problems' | 'improvements';
  /** Empty or 无 raises a warning. */
  required?: boolean;
}

export type BlockDef =
  { kind: 'prose'; slot: SlotDef } | { kind: 'table'; table: string } | { kind: 'list'; list: string };

export interface SectionDef {
  id: string;
  /** Title without its numeral: numerals (一、二、…) are generated from the position, so they cannot skip. */
  title: string;
  blocks: BlockDef[];
}

/** A category breakdown with shares, e.g. 主动公开 by category (政策性文件类 2条 3% …). */
export interface ListDef {
  id: string;
  /** Chinese label shown in the wizard and the flat sheet. */
  label: string;
  unit: string;
  /** Decimals of the printed percentage shares (0 or 1). */
  decimals: 0 | 1;
  /** Item labels proposed for a new draft. */
  suggestions: string[];
}

/** A variant of one template: same data, other wording or order of sections. */
export interface VariantDef {
  id: string;
  name: string;
  /** Document title pattern, e.g. `{unit}{year}年政府信息公开工作年度报告`. */
  title: string;
  /** The sections in order, with an optional wording of their title. */
  sections: { id: string; title?: string }[];
}

/**
 * A sentence pattern: literal text with placeholders.
 * Placeholders: {year} {nextYear} {unit} {self} {address} {phone} {website} {sectionCount} {sectionList}
 * {v:<fieldId>} a field's value, {pct:<listId>} not allowed here (see EachPart).
 */
export type SentencePart =
  | string
  | { if: Condition; then: SentencePart[]; else?: SentencePart[] }
  /** One phrase per list item, joined; item placeholders {label} {value} {share}. */
  | { each: string; item: string; sep: string; last?: string };

export type Condition =
  { allZero: string[] } | { positive: string } | { listNonEmpty: string } | { not: Condition };

export interface SentenceDef {
  /** The prose slot the generated paragraph opens. */
  slot: string;
  parts: SentencePart[];
}

export type RuleDef =
  /** sum(left) = sum(right), e.g. R1: 一 + 二 = （七）总计 + 四 per column. */
  | { id: string; kind: 'balance'; severity: Severity; left: string[]; right: string[]; at: string }
  /** sum(left) ≤ sum(right), e.g. 答复总数 ≤ 申请总数. */
  | { id: string; kind: 'at-most'; severity: Severity; left: string[]; right: string[]; at: string }
  /** R6: equals last year's value of another field. */
  | { id: string; kind: 'carry'; severity: Severity; field: string; previous: string }
  /** R7: equals last year's value plus some fields minus others. */
  | {
      id: string;
      kind: 'stock';
      severity: Severity;
      field: string;
      previous: string;
      plus: string[];
      minus: string[];
    }
  /** R10: must be zero for these kinds of unit. */
  | { id: string; kind: 'zero-for'; severity: Severity; field: string; kinds: UnitKind[] }
  /** R11, R12: implausibly large for these kinds of unit. */
  | { id: string; kind: 'max-for'; severity: Severity; field: string; max: number; kinds: UnitKind[] }
  /** R9: when any field is positive, the slot's prose should match `pattern` and not `contradiction`. */
  | {
      id: string;
      kind: 'mention';
      severity: Severity;
      when: string[];
      slot: string;
      pattern: string;
      contradiction?: string;
    }
  /** A row that equals another non-zero total is probably a copy (广州 附表1 新增规范性文件数 = 主动公开数). */
  | { id: string; kind: 'not-copy'; severity: Severity; field: string; of: string; min: number }
  /** Section prose that is empty or just 无. */
  | { id: string; kind: 'required'; severity: Severity; slot: string };

/**
 * R8: a number quoted in prose that must agree with a field. `pattern` is a regular expression
 * source in which `{n}` stands for a number as clerks write it (１２, 1,234, 3万余, 800余, 140多).
 * `perMonth` compares the figure with the field divided by 12 (月访问量 against a yearly count).
 */
export interface ClaimDef {
  pattern: string;
  field: string;
  perMonth?: boolean;
}

export interface TemplateDef {
  id: string;
  /** Chinese display name. */
  name: string;
  /** The notice or practice the template follows. */
  basis: string;
  /** Reporting years it is proposed for (inclusive); open ends are unbounded. */
  years: { from?: number; to?: number };
  /** Slot of the opening paragraph (前言 / 引言), printed before section 一. */
  preface?: SlotDef;
  sections: SectionDef[];
  /** Tables printed as 附件 after the signature, each on a new page, announced by 附件说明. */
  attachments: string[];
  tables: TableDef[];
  fields: FieldDef[];
  lists: ListDef[];
  variants: VariantDef[];
  /**
   * The notice the template follows prescribes its section titles and document title (国办公开办函
   * 〔2021〕30号): the wizard offers no rewording, omitting or reordering, and a draft that carries
   * one anyway (an imported file) gets a finding. Legacy templates leave the wording to the unit.
   */
  fixedTitles?: boolean;
  sentences: SentenceDef[];
  rules: RuleDef[];
  claims: ClaimDef[];
}

import type { CellDef, FieldDef, RuleDef, TableDef, TableRowDef, TemplateDef } from '../template';
import { nonZeroGroups, type ResultGroup } from './sentence-parts';

/**
 * 中华人民共和国政府信息公开工作年度报告格式 (国办公开办函〔2021〕30号), the default for reporting
 * years 2021 onward. Labels are reproduced character for character from the official tables.
 */

// ── 表二 主动公开政府信息情况 ─────────────────────────────────────────────
const T2_ROWS = [
  { id: 't2.rules', label: '规章' },
  { id: 't2.normative', label: '行政规范性文件' },
] as const;
const T2_DOC_COLUMNS = [
  { id: 'issued', label: '本年制发件数' },
  { id: 'repealed', label: '本年废止件数' },
  { id: 'current', label: '现行有效件数' },
] as const;
const T2_DECISIONS = [
  { id: 't2.licensing', label: '行政许可', item: '第二十条第（五）项' },
  { id: 't2.penalty', label: '行政处罚', item: '第二十条第（六）项' },
  { id: 't2.enforcement', label: '行政强制', item: '第二十条第（六）项' },
] as const;

const t2Fields: FieldDef[] = [
  ...T2_ROWS.flatMap((r) =>
    T2_DOC_COLUMNS.map((c) => ({
      id: `${r.id}.${c.id}`,
      label: `${r.label} ${c.label}`,
      kind: 'count' as const,
      unit: '件',
    })),
  ),
  ...T2_DECISIONS.map((d) => ({
    id: d.id,
    label: `${d.label} 本年处理决定数量`,
    kind: 'count' as const,
    unit: '件',
  })),
  { id: 't2.fees', label: '行政事业性收费 本年收费金额', kind: 'money', decimals: 4, unit: '万元' },
];

const caption = (text: string): TableRowDef => ({
  caption: true,
  cells: [{ text, colSpan: 4, align: 'left' }],
});
const t2: TableDef = {
  id: 't2',
  sheetName: '二、主动公开政府信息情况',
  columns: [40, 20, 20, 20],
  fontSize: 12,
  rows: [
    caption('第二十条第（一）项'),
    { cells: [{ text: '信息内容' }, ...T2_DOC_COLUMNS.map((c) => ({ text: c.label }))] },
    ...T2_ROWS.map((r) => ({
      cells: [{ text: r.label }, ...T2_DOC_COLUMNS.map((c) => ({ field: `${r.id}.${c.id}` }))],
    })),
    caption('第二十条第（五）项'),
    { cells: [{ text: '信息内容' }, { text: '本年处理决定数量', colSpan: 3 }] },
    { cells: [{ text: '行政许可' }, { field: 't2.licensing', colSpan: 3 }] },
    caption('第二十条第（六）项'),
    { cells: [{ text: '信息内容' }, { text: '本年处理决定数量', colSpan: 3 }] },
    { cells: [{ text: '行政处罚' }, { field: 't2.penalty', colSpan: 3 }] },
    { cells: [{ text: '行政强制' }, { field: 't2.enforcement', colSpan: 3 }] },
    caption('第二十条第（八）项'),
    { cells: [{ text: '信息内容' }, { text: '本年收费金额（单位：万元）', colSpan: 3 }] },
    { cells: [{ text: '行政事业性收费' }, { field: 't2.fees', colSpan: 3 }] },
  ],
};

// ── 表三 收到和处理政府信息公开申请情况 ────────────────────────────────────
export const T3_APPLICANTS = [
  { id: 'natural', label: '自然人' },
  { id: 'business', label: '商业企业' },
  { id: 'research', label: '科研机构' },
  { id: 'public', label: '社会公益组织' },
  { id: 'legal', label: '法律服务机构' },
  { id: 'other', label: '其他' },
] as const;
const T3_COLUMNS = [...T3_APPLICANTS.map((a) => a.id), 'total'] as const;

/** The result rows under 三、本年度办理结果, in print order; `group` rows are merged labels, not data. */
const T3_RESULTS: { id: string; label: string; group?: string }[] = [
  { id: 'open', label: '（一）予以公开' },
  { id: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  { id: 'deny.secret', label: '1.属于国家秘密', group: '（三）不予公开' },
  { id: 'deny.law', label: '2.其他法律行政法规禁止公开', group: '（三）不予公开' },
  { id: 'deny.safety', label: '3.危及“三安全一稳定”', group: '（三）不予公开' },
  { id: 'deny.third', label: '4.保护第三方合法权益', group: '（三）不予公开' },
  { id: 'deny.internal', label: '5.属于三类内部事务信息', group: '（三）不予公开' },
  { id: 'deny.process', label: '6.属于四类过程性信息', group: '（三）不予公开' },
  { id: 'deny.case', label: '7.属于行政执法案卷', group: '（三）不予公开' },
  { id: 'deny.query', label: '8.属于行政查询事项', group: '（三）不予公开' },
  { id: 'none.nothold', label: '1.本机关不掌握相关政府信息', group: '（四）无法提供' },
  { id: 'none.create', label: '2.没有现成信息需要另行制作', group: '（四）无法提供' },
  { id: 'none.unclear', label: '3.补正后申请内容仍不明确', group: '（四）无法提供' },
  { id: 'reject.complaint', label: '1.信访举报投诉类申请', group: '（五）不予处理' },
  { id: 'reject.repeat', label: '2.重复申请', group: '（五）不予处理' },
  { id: 'reject.publication', label: '3.要求提供公开出版物', group: '（五）不予处理' },
  { id: 'reject.mass', label: '4.无正当理由大量反复申请', group: '（五）不予处理' },
  { id: 'reject.confirm', label: '5.要求行政机关确认或重新出具已获取信息', group: '（五）不予处理' },
  {
    id: 'other.overdue',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    group: '（六）其他处理',
  },
  {
    id: 'other.fee',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    group: '（六）其他处理',
  },
  { id: 'other.other', label: '3.其他', group: '（六）其他处理' },
];

/** The six results as the 依申请 sentence names them (予以公开 … 其他处理), each with its rows' 总计 cells. */
const T3_SENTENCE_GROUPS: ResultGroup[] = [];
for (const r of T3_RESULTS) {
  const label = (r.group ?? r.label).replace(/^（.）/, '').replace(/（.*）$/, '');
  const field = `t3.${r.id}.total`;
  const known = T3_SENTENCE_GROUPS.find((g) => g.label === label);
  if (known) known.fields.push(field);
  else T3_SENTENCE_GROUPS.push({ label, fields: [field] });
}

const T3_ROW_LABELS: Record<string, string> = {
  new: '一、本年新收政府信息公开申请数量',
  carried: '二、上年结转政府信息公开申请数量',
  total: '（七）总计',
  carryOut: '四、结转下年度继续办理',
  ...Object.fromEntries(T3_RESULTS.map((r) => [r.id, r.group ? `${r.group}${r.label}` : r.label])),
};
const T3_DATA_ROWS = ['new', 'carried', ...T3_RESULTS.map((r) => r.id), 'total', 'carryOut'];
const f3 = (row: string, col: string) => `t3.${row}.${col}`;
const colLabel = (col: string) => T3_APPLICANTS.find((a) => a.id === col)?.label ?? '总计';

const t3Fields: FieldDef[] = T3_DATA_ROWS.flatMap((row) =>
  T3_COLUMNS.map((col): FieldDef => {
    const field: FieldDef = {
      id: f3(row, col),
      label: `${T3_ROW_LABELS[row]} / ${colLabel(col)}`,
      kind: 'count',
      unit: '件',
    };
    // R3: every 总计 column is the sum of its six applicant columns.
    if (col === 'total') return { ...field, sum: T3_APPLICANTS.map((a) => f3(row, a.id)), rule: 'R3' };
    // R2: （七）总计 = （一）+（二）+ every row under （三）（四）（五）（六）.
    if (row === 'total') return { ...field, sum: T3_RESULTS.map((r) => f3(r.id, col)), rule: 'R2' };
    return field;
  }),
);

const numberCells = (row: string): CellDef[] => T3_COLUMNS.map((col) => ({ field: f3(row, col) }));
const t3Rows: TableRowDef[] = [
  {
    header: true,
    cells: [
      {
        text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
        colSpan: 3,
        rowSpan: 3,
      },
      { text: '申请人情况', colSpan: 7 },
    ],
  },
  {
    header: true,
    cells: [
      { text: '自然人', rowSpan: 2 },
      { text: '法人或其他组织', colSpan: 5 },
      { text: '总计', rowSpan: 2 },
    ],
  },
  { header: true, cells: T3_APPLICANTS.slice(1).map((a) => ({ text: a.label })) },
  { cells: [{ text: T3_ROW_LABELS.new!, colSpan: 3, align: 'left' }, ...numberCells('new')] },
  { cells: [{ text: T3_ROW_LABELS.carried!, colSpan: 3, align: 'left' }, ...numberCells('carried')] },
];
// 三、本年度办理结果 is one label cell spanning its 22 rows; （三）–（六） are merged group labels.
T3_RESULTS.forEach((r, i) => {
  const cells: CellDef[] = [];
  if (i === 0) cells.push({ text: '三、本年度办理结果', rowSpan: T3_RESULTS.length + 1 });
  if (!r.group) cells.push({ text: r.label, colSpan: 2, align: 'left' });
  else {
    const first = T3_RESULTS.findIndex((x) => x.group === r.group);
    if (first === i) {
      const span = T3_RESULTS.filter((x) => x.group === r.group).length;
      cells.push({ text: r.group, rowSpan: span });
    }
    cells.push({ text: r.label, align: 'left' });
  }
  t3Rows.push({ cells: [...cells, ...numberCells(r.id)] });
});
t3Rows.push({ cells: [{ text: '（七）总计', colSpan: 2, align: 'left' }, ...numberCells('total')] });
t3Rows.push({
  cells: [{ text: T3_ROW_LABELS.carryOut!, colSpan: 3, align: 'left' }, ...numberCells('carryOut')],
});

const t3: TableDef = {
  id: 't3',
  sheetName: '三、收到和处理申请情况',
  columns: [7, 10, 25, 8.3, 8.3, 8.3, 8.3, 8.3, 8.3, 8.2],
  fontSize: 10.5,
  rows: t3Rows,
};

// ── 表四 政府信息公开行政复议、行政诉讼情况 ─────────────────────────────────
const T4_GROUPS = [
  { id: 'review', label: '行政复议' },
  { id: 'direct', label: '未经复议直接起诉' },
  { id: 'after', label: '复议后起诉' },
] as const;
const T4_RESULTS = [
  { id: 'upheld', label: '结果维持' },
  { id: 'corrected', label: '结果纠正' },
  { id: 'other', label: '其他结果' },
  { id: 'pending', label: '尚未审结' },
] as const;
const t4Fields: FieldDef[] = T4_GROUPS.flatMap((g) => [
  ...T4_RESULTS.map((r) => ({
    id: `t4.${g.id}.${r.id}`,
    label: `${g.label} ${r.label}`,
    kind: 'count' as const,
    unit: '件',
  })),
  {
    id: `t4.${g.id}.total`,
    label: `${g.label} 总计`,
    kind: 'count' as const,
    unit: '件',
    // R4: each 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
    sum: T4_RESULTS.map((r) => `t4.${g.id}.${r.id}`),
    rule: 'R4',
  },
]);
const resultHeads = (): CellDef[] => [...T4_RESULTS.map((r) => ({ text: r.label })), { text: '总计' }];
const t4: TableDef = {
  id: 't4',
  sheetName: '四、行政复议行政诉讼情况',
  columns: Array.from({ length: 15 }, () => 1),
  fontSize: 10.5,
  rows: [
    {
      header: true,
      cells: [
        { text: '行政复议', colSpan: 5 },
        { text: '行政诉讼', colSpan: 10 },
      ],
    },
    {
      header: true,
      cells: [
        ...T4_RESULTS.map((r) => ({ text: r.label, rowSpan: 2 })),
        { text: '总计', rowSpan: 2 },
        { text: '未经复议直接起诉', colSpan: 5 },
        { text: '复议后起诉', colSpan: 5 },
      ],
    },
    { header: true, cells: [...resultHeads(), ...resultHeads()] },
    {
      cells: T4_GROUPS.flatMap((g) => [
        ...T4_RESULTS.map((r) => ({ field: `t4.${g.id}.${r.id}` })),
        { field: `t4.${g.id}.total` },
      ]),
    },
  ],
};

// ── Numbers outside the official tables, used by the standard sentences ─────────
const extraFields: FieldDef[] = [
  {
    id: 'active.total',
    label: '主动公开政府信息总数',
    kind: 'count',
    unit: '条',
    listSum: 'active.categories',
    rule: 'L-list',
  },
  { id: 'fees.processing', label: '本年收取信息处理费', kind: 'money', decimals: 2, unit: '元' },
];

// ── Rules ──────────────────────────────────────────────────────────────────
const rules: RuleDef[] = [
  // R1 is printed in the official table: 一 + 二 = （七）总计 + 四, per column.
  ...T3_COLUMNS.map((col): RuleDef => ({
    id: 'R1',
    kind: 'balance',
    severity: 'error',
    left: [f3('new', col), f3('carried', col)],
    right: [f3('total', col), f3('carryOut', col)],
    at: f3('carryOut', col),
  })),
  // R6: this year's 上年结转 = last year's 结转下年度继续办理.
  ...T3_APPLICANTS.map((a): RuleDef => ({
    id: 'R6',
    kind: 'carry',
    severity: 'warning',
    field: f3('carried', a.id),
    previous: f3('carryOut', a.id),
  })),
  // R7: 现行有效件数 = last year's + 本年制发 − 本年废止 (a warning: clean-ups legitimately break it).
  ...T2_ROWS.map((r): RuleDef => ({
    id: 'R7',
    kind: 'stock',
    severity: 'warning',
    field: `${r.id}.current`,
    previous: `${r.id}.current`,
    plus: [`${r.id}.issued`],
    minus: [`${r.id}.repealed`],
  })),
  // R10: only provinces and 设区的市 make 规章.
  ...T2_DOC_COLUMNS.map((c): RuleDef => ({
    id: 'R10',
    kind: 'zero-for',
    severity: 'warning',
    field: `t2.rules.${c.id}`,
    kinds: ['township', 'subdistrict', 'county-department'],
  })),
  // R11: a township deciding thousands of licences, penalties or enforcement measures is a typo.
  ...T2_DECISIONS.map((d): RuleDef => ({
    id: 'R11',
    kind: 'max-for',
    severity: 'warning',
    field: d.id,
    max: 5000,
    kinds: ['township', 'subdistrict'],
  })),
  // R12: 行政事业性收费 is in 万元; a township's figure above 10000 was almost surely typed in 元.
  {
    id: 'R12',
    kind: 'max-for',
    severity: 'warning',
    field: 't2.fees',
    max: 10000,
    kinds: ['township', 'subdistrict'],
  },
  // R9: 信息处理费 charged must be reported in section 六, and not denied there.
  {
    id: 'R9',
    kind: 'mention',
    severity: 'warning',
    when: ['fees.processing'],
    slot: 's6.other',
    pattern: '信息处理费',
    contradiction: '未(收取|收)信息处理费',
  },
  // R9: applications ended for unpaid fees mean fee notices went out: section 六 should say how
  // 信息处理费 was handled. "未收取信息处理费" is then a true answer, not a contradiction.
  {
    id: 'R9',
    kind: 'mention',
    severity: 'warning',
    when: T3_APPLICANTS.map((a) => f3('other.fee', a.id)),
    slot: 's6.other',
    pattern: '信息处理费',
  },

  // DONE: "全部办结" or "均已答复" where the table carries applications into next year. The rule
  // asks for nothing in particular (an empty pattern), only that the words not contradict the table.
  ...['s1.intro', 's1.request'].map((slot): RuleDef => ({
    id: 'DONE',
    kind: 'mention',
    severity: 'warning',
    when: ['t3.carryOut.total'],
    slot,
    pattern: '',
    contradiction: '(?:已全部|全部|均已|均)(?:按时|及时)?(?:办结|答复|予以答复)',
  })),

  { id: 'EMPTY', kind: 'required', severity: 'warning', slot: 's5.problems' },
];

export const national2021: TemplateDef = {
  id: 'national-2021',
  name: '全国统一格式（2021年起）',
  basis: '国办公开办函〔2021〕30号',
  years: { from: 2021 },
  preface: { id: 'preface' },
  sections: [
    {
      id: 's1',
      title: '总体情况',
      blocks: [
        { kind: 'prose', slot: { id: 's1.intro' } },
        { kind: 'prose', slot: { id: 's1.active', heading: '（一）主动公开' } },
        { kind: 'list', list: 'active.categories' },
        { kind: 'prose', slot: { id: 's1.request', heading: '（二）依申请公开' } },
        { kind: 'prose', slot: { id: 's1.management', heading: '（三）政府信息管理', phrases: 'measures' } },
        {
          kind: 'prose',
          slot: { id: 's1.platform', heading: '（四）政府信息公开平台建设', phrases: 'measures' },
        },
        { kind: 'prose', slot: { id: 's1.oversight', heading: '（五）监督保障', phrases: 'measures' } },
      ],
    },
    { id: 's2', title: '主动公开政府信息情况', blocks: [{ kind: 'table', table: 't2' }] },
    { id: 's3', title: '收到和处理政府信息公开申请情况', blocks: [{ kind: 'table', table: 't3' }] },
    {
      id: 's4',
      title: '政府信息公开行政复议、行政诉讼情况',
      blocks: [
        { kind: 'prose', slot: { id: 's4.summary' } },
        { kind: 'table', table: 't4' },
      ],
    },
    {
      id: 's5',
      title: '存在的主要问题及改进情况',
      blocks: [
        {
          kind: 'prose',
          slot: { id: 's5.problems', heading: '（一）存在的主要问题', phrases: 'problems', required: true },
        },
        {
          kind: 'prose',
          slot: { id: 's5.improvements', heading: '（二）改进情况', phrases: 'improvements' },
        },
      ],
    },
    {
      id: 's6',
      title: '其他需要报告的事项',
      blocks: [{ kind: 'prose', slot: { id: 's6.other' } }],
    },
  ],
  attachments: [],
  tables: [t2, t3, t4],
  fields: [...t2Fields, ...t3Fields, ...t4Fields, ...extraFields],
  lists: [
    {
      id: 'active.categories',
      label: '主动公开政府信息分类',
      unit: '条',
      decimals: 1,
      suggestions: ['机构职能', '政策文件', '规划计划', '财政资金', '工作动态', '其他'],
    },
  ],
  // 30号 prescribes the six titles and the title of the report.
  fixedTitles: true,
  variants: [
    {
      id: 'default',
      name: '标准格式',
      title: '{unit}{year}年政府信息公开工作年度报告',
      sections: ['s1', 's2', 's3', 's4', 's5', 's6'].map((id) => ({ id })),
    },
  ],
  sentences: [
    {
      slot: 'preface',
      parts: [
        '本报告是根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，由{unit}编制。',
        '全文包括{sectionList}等{sectionCount}部分。',
        '本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。',
        '本报告电子版可在{website}下载。',
        '如对本报告有任何疑问，请与{unit}联系（地址：{address}；电话：{phone}）。',
      ],
    },
    {
      slot: 's1.active',
      parts: [
        '{year}年，{self}主动公开政府信息{v:active.total}条',
        {
          if: { listNonEmpty: 'active.categories' },
          then: [
            '，其中',
            { each: 'active.categories', item: '{label}类{value}条，占{share}%', sep: '，', last: '。' },
          ],
          else: ['。'],
        },
      ],
    },
    {
      slot: 's1.request',
      parts: [
        {
          if: { allZero: ['t3.new.total', 't3.carried.total'] },
          then: ['{year}年，{self}未收到政府信息公开申请，无上年结转申请。'],
          else: [
            '{year}年，{self}共收到政府信息公开申请{v:t3.new.total}件，上年结转{v:t3.carried.total}件，',
            '已办结{v:t3.total.total}件',
            ...nonZeroGroups(T3_SENTENCE_GROUPS, '件'),
            '；结转下年度继续办理{v:t3.carryOut.total}件。',
          ],
        },
      ],
    },
    {
      slot: 's6.other',
      parts: [
        {
          if: { positive: 'fees.processing' },
          then: [
            '{year}年，{self}依据《政府信息公开信息处理费管理办法》收取信息处理费{v:fees.processing}元。',
          ],
          else: ['{year}年，{self}未收取信息处理费。'],
        },
      ],
    },
    {
      slot: 's4.summary',
      parts: [
        {
          if: { allZero: ['t4.review.total', 't4.direct.total', 't4.after.total'] },
          then: ['{year}年，{self}未发生因政府信息公开引起的行政复议、行政诉讼案件。'],
          else: [
            '{year}年，{self}因政府信息公开被申请行政复议{v:t4.review.total}件，被直接提起行政诉讼{v:t4.direct.total}件，复议后被提起行政诉讼{v:t4.after.total}件。',
          ],
        },
      ],
    },
  ],
  rules,
  claims: [
    { pattern: '共收到政府信息公开申请{n}件', field: 't3.new.total' },
    { pattern: '新收政府信息公开申请{n}件', field: 't3.new.total' },
    { pattern: '上年结转{n}件', field: 't3.carried.total' },
    { pattern: '结转下年度继续办理{n}件', field: 't3.carryOut.total' },
    { pattern: '(?:申请)?行政复议{n}件', field: 't4.review.total' },
    { pattern: '主动公开政府信息{n}条', field: 'active.total' },
    { pattern: '收取信息处理费{n}元', field: 'fees.processing' },
  ],
};

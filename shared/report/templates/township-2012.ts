import type { FieldDef, RuleDef, TableDef, TemplateDef } from '../template';
import { nonZeroGroups } from './sentence-parts';

/**
 * The township report of 2008–2018, as 寮步镇 (东莞) and 海盐县城投集团 wrote it for 2012: the
 * template the first users know. The two wordings are variants of one template — same data,
 * other section titles and order — so nothing downstream tells them apart.
 */

/** How the 依申请 applications were answered; the ids match guangzhou-2010 so §2.4's mapping covers both. */
const ANSWERS = [
  { id: 'answer.open', label: '同意公开' },
  { id: 'answer.partial', label: '同意部分公开' },
  { id: 'answer.denied', label: '不予公开' },
  { id: 'answer.absent', label: '信息不存在' },
  { id: 'answer.notOurs', label: '非本机关政府信息' },
  { id: 'answer.unclear', label: '申请内容不明确' },
] as const;

const fields: FieldDef[] = [
  {
    id: 'active.total',
    label: '主动公开政府信息数',
    kind: 'count',
    unit: '条',
    listSum: 'active.categories',
    rule: 'L-list',
  },
  { id: 'request.total', label: '受理政府信息公开申请数', kind: 'count', unit: '件' },
  ...ANSWERS.map((a): FieldDef => ({ id: a.id, label: `${a.label}答复数`, kind: 'count', unit: '件' })),
  // L2: 对申请的答复总数 is the sum of its six kinds of answer.
  {
    id: 'answer.total',
    label: '对申请的答复总数',
    kind: 'count',
    unit: '件',
    sum: ANSWERS.map((a) => a.id),
    rule: 'L2',
  },
  { id: 'fees.amount', label: '政府信息公开相关费用', kind: 'money', decimals: 2, unit: '元' },
  { id: 'appeal.review', label: '因政府信息公开申请行政复议数', kind: 'count', unit: '件' },
  { id: 'appeal.litigation', label: '因政府信息公开提起行政诉讼数', kind: 'count', unit: '件' },
];

const row = (label: string, unit: string, field: string) => ({
  cells: [{ text: label, align: 'left' as const }, { text: unit }, { field }],
});

/** 海盐 points section 七 to this 附表; 寮步 printed none, but the county collects the numbers either way. */
const indicators: TableDef = {
  id: 'indicators',
  title: '政府信息公开有关指标统计',
  sheetName: '政府信息公开有关指标统计',
  columns: [60, 15, 25],
  fontSize: 12,
  rows: [
    { header: true, cells: [{ text: '指标' }, { text: '单位' }, { text: '数量' }] },
    row('主动公开政府信息数', '条', 'active.total'),
    row('受理政府信息公开申请数', '件', 'request.total'),
    row('对申请的答复总数', '件', 'answer.total'),
    ...ANSWERS.map((a, i) => row(`${i === 0 ? '其中：' : ''}${i + 1}.${a.label}`, '件', a.id)),
    row('政府信息公开相关费用', '元', 'fees.amount'),
    row('因政府信息公开申请行政复议数', '件', 'appeal.review'),
    row('因政府信息公开提起行政诉讼数', '件', 'appeal.litigation'),
  ],
};

const rules: RuleDef[] = [
  // L3: an application is answered at most once, so more answers than applications is usually a
  // typing error (domain §3). Only a warning: these tables have no 上年结转 row, and answering last
  // year's applications this year can legitimately exceed this year's count.
  {
    id: 'L3',
    kind: 'at-most',
    severity: 'warning',
    left: ['answer.total'],
    right: ['request.total'],
    at: 'answer.total',
  },
  { id: 'EMPTY', kind: 'required', severity: 'warning', slot: 'problems.issues' },
];

export const township2012: TemplateDef = {
  id: 'township-2012',
  name: '乡镇旧格式（2008—2018年）',
  basis: '《中华人民共和国政府信息公开条例》（2007年）第三十一条、第三十二条',
  years: { from: 2008, to: 2018 },
  preface: { id: 'preface' },
  sections: [
    {
      id: 'basic',
      title: '基本工作情况',
      blocks: [{ kind: 'prose', slot: { id: 'basic.overview', phrases: 'measures' } }],
    },
    {
      id: 'active',
      title: '主动公开政府信息情况',
      blocks: [
        { kind: 'prose', slot: { id: 'active.summary' } },
        { kind: 'list', list: 'active.categories' },
        { kind: 'list', list: 'active.channels' },
        { kind: 'prose', slot: { id: 'active.content' } },
        { kind: 'prose', slot: { id: 'active.forms' } },
      ],
    },
    {
      id: 'request',
      title: '依申请公开政府信息情况',
      blocks: [{ kind: 'prose', slot: { id: 'request.summary' } }],
    },
    {
      id: 'fees',
      title: '政府信息公开相关费用情况',
      blocks: [{ kind: 'prose', slot: { id: 'fees.summary' } }],
    },
    {
      id: 'review',
      title: '申请行政复议、提起行政诉讼情况',
      blocks: [{ kind: 'prose', slot: { id: 'review.summary' } }],
    },
    {
      id: 'measures',
      title: '完成政府信息公开工作所采取的工作措施',
      blocks: [{ kind: 'prose', slot: { id: 'measures.body', phrases: 'measures' } }],
    },
    {
      id: 'problems',
      title: '主要问题和改进措施',
      blocks: [
        { kind: 'prose', slot: { id: 'problems.issues', phrases: 'problems', required: true } },
        { kind: 'prose', slot: { id: 'problems.improvements', phrases: 'improvements' } },
      ],
    },
    {
      id: 'other',
      title: '其他需要报告的事项',
      blocks: [{ kind: 'prose', slot: { id: 'other.body' } }],
    },
  ],
  attachments: ['indicators'],
  tables: [indicators],
  fields,
  lists: [
    {
      id: 'active.categories',
      label: '主动公开政府信息分类',
      unit: '条',
      decimals: 0,
      suggestions: [
        '政策性文件类',
        '计划总结类',
        '本单位工作事务类',
        '人事任免类',
        '招考录用类',
        '工作动态类',
        '其他类',
      ],
    },
    {
      id: 'active.channels',
      label: '主动公开渠道',
      unit: '条',
      decimals: 0,
      suggestions: ['网站', '报纸', '电视台', '微博', '电子屏', '新闻发布会'],
    },
  ],
  variants: [
    {
      id: 'liaobu',
      name: '六部分（寮步镇式）',
      title: '{year}年{unit}政府信息公开工作年度报告',
      sections: ['basic', 'active', 'request', 'fees', 'review', 'problems'].map((id) => ({ id })),
    },
    {
      id: 'haiyan',
      name: '七部分（海盐县式）',
      title: '{unit}{year}年度政府信息公开工作报告',
      sections: [
        { id: 'active', title: '主动公开的政府信息的情况' },
        { id: 'request', title: '依申请公开政府信息的情况' },
        { id: 'fees', title: '政府信息公开的收费及减免情况' },
        { id: 'review', title: '因政府信息公开申请行政复议、提起行政诉讼的情况' },
        { id: 'measures' },
        { id: 'problems', title: '存在的主要问题和改进情况' },
        { id: 'other' },
      ],
    },
  ],
  sentences: [
    {
      slot: 'preface',
      parts: [
        '根据《中华人民共和国政府信息公开条例》有关规定，现公布{year}年{unit}政府信息公开工作年度报告。',
        '本报告由{sectionList}等{sectionCount}部分组成。',
        '本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。',
      ],
    },
    {
      slot: 'active.summary',
      parts: [
        '截至{year}年12月，在{website}上主动公开政府信息{v:active.total}条。',
        {
          if: { listNonEmpty: 'active.categories' },
          then: [
            '其中，',
            {
              each: 'active.categories',
              item: '{label}的信息{value}条，占总体的比例为{share}%',
              sep: '；',
              last: '。',
            },
          ],
        },
      ],
    },
    {
      slot: 'request.summary',
      parts: [
        {
          if: { positive: 'request.total' },
          then: [
            '全年共受理政府信息公开申请{v:request.total}宗',
            {
              if: { positive: 'answer.total' },
              then: [
                '，答复{v:answer.total}宗',
                ...nonZeroGroups(
                  ANSWERS.map((a) => ({ label: a.label, fields: [a.id] })),
                  '宗',
                ),
              ],
              else: ['，并在规定时间内完成回复'],
            },
            '。',
          ],
          else: ['全年未收到政府信息公开申请。'],
        },
      ],
    },
    { slot: 'fees.summary', parts: ['全年依申请公开政府信息支出{v:fees.amount}元。'] },
    {
      slot: 'review.summary',
      parts: [
        {
          if: { allZero: ['appeal.review', 'appeal.litigation'] },
          then: ['全年没有因政府信息公开申请行政复议、提起行政诉讼的案件。'],
          else: ['全年因政府信息公开申请行政复议{v:appeal.review}件，提起行政诉讼{v:appeal.litigation}件。'],
        },
      ],
    },
    { slot: 'other.body', parts: ['{unit}政府信息公开有关指标统计见附件。'] },
  ],
  rules,
  claims: [
    // Only the standard sentence: 海盐 also quotes per-channel counts ("在…微博上主动公开政府信息144条").
    { pattern: '截至\\d{4}年12月[，,]\\s*在[^。；]*?上主动公开政府信息{n}条', field: 'active.total' },
    { pattern: '受理政府信息公开申请{n}[宗件]', field: 'request.total' },
    { pattern: '接到[^。；]*?依申请公开政府信息{n}件', field: 'request.total' },
    { pattern: '依申请公开政府信息支出{n}元', field: 'fees.amount' },
    { pattern: '申请行政复议{n}件', field: 'appeal.review' },
    { pattern: '提起行政诉讼{n}件', field: 'appeal.litigation' },
  ],
};

import type { FieldDef, RuleDef, TableDef, TemplateDef } from '../template';
import { nonZeroGroups } from './sentence-parts';

/**
 * 广州市 departments' report of 2008–2012 (《广州市政府信息公开规定》): prose sections, then
 * 七、说明与附表 with four statistics tables inline. Row labels are the 附表' own, character for
 * character, including the 其中： prefixes.
 */

const CHANNELS = [
  { id: 'request.inPerson', label: '当面申请数' },
  { id: 'request.fax', label: '传真申请数' },
  { id: 'request.email', label: '电子邮件申请数' },
  { id: 'request.online', label: '网上申请数' },
  { id: 'request.letter', label: '信函申请数' },
  { id: 'request.otherChannel', label: '其他形式申请数' },
] as const;

/** The ids match township-2012, so §2.4's legacy → national mapping covers both templates. */
const ANSWERS = [
  { id: 'answer.open', label: '同意公开答复数' },
  { id: 'answer.partial', label: '同意部分公开答复数' },
  { id: 'answer.denied', label: '不予公开答复数' },
  { id: 'answer.absent', label: '信息不存在答复数' },
  { id: 'answer.notOurs', label: '非本机关政府信息答复数' },
  { id: 'answer.unclear', label: '申请内容不明确答复数' },
] as const;

const CONSULTATIONS = [
  { id: 'consult.service', label: '提供服务类信息数', unit: '条' },
  { id: 'consult.online', label: '网上咨询数', unit: '人次' },
  { id: 'consult.visits', label: '现场接待人数', unit: '人次' },
  { id: 'consult.phone', label: '咨询电话接听数', unit: '宗次' },
  { id: 'consult.pageViews', label: '网站专栏页面访问量', unit: '人次' },
] as const;

const APPEALS = [
  { id: 'appeal.review', label: '行政复议数' },
  { id: 'appeal.litigation', label: '行政诉讼数' },
  { id: 'appeal.complaint', label: '行政申诉数' },
] as const;

const count = (id: string, label: string, unit: string): FieldDef => ({ id, label, kind: 'count', unit });

const fields: FieldDef[] = [
  {
    id: 'active.total',
    label: '主动公开信息数',
    kind: 'count',
    unit: '条',
    listSum: 'active.categories',
    rule: 'L-list',
  },
  count('active.electronic', '全文电子化的主动公开信息数', '条'),
  count('active.normative', '新增的行政规范性文件数', '条'),
  count('request.catalogue', '依申请公开信息目录数', '条'),
  // L1: 申请总数 is the sum of its six channels.
  { ...count('request.total', '申请总数', '条'), sum: CHANNELS.map((c) => c.id), rule: 'L1' },
  ...CHANNELS.map((c) => count(c.id, c.label, '条')),
  // L2: 对申请的答复总数 is the sum of its six kinds of answer.
  { ...count('answer.total', '对申请的答复总数', '条'), sum: ANSWERS.map((a) => a.id), rule: 'L2' },
  ...ANSWERS.map((a) => count(a.id, a.label, '条')),
  ...CONSULTATIONS.map((c) => count(c.id, c.label, c.unit)),
  ...APPEALS.map((a) => count(a.id, a.label, '件')),
  count('appeal.complaintFirst', '对本单位首次处理不满意的行政申诉数', '件'),
];

const head = { header: true, cells: [{ text: '指标' }, { text: '数量' }] };
const line = (text: string, field: string) => ({ cells: [{ text, align: 'left' as const }, { field }] });
/** Parts of a total print as 其中：1.… 2.… under it. */
const parts = (items: readonly { id: string; label: string }[]) =>
  items.map((item, i) => line(`${i === 0 ? '其中：' : ''}${i + 1}.${item.label}`, item.id));

const tables: TableDef[] = [
  {
    id: 'annex1',
    title: '附表1 主动公开情况统计',
    unit: '单位：条',
    sheetName: '附表1 主动公开情况统计',
    columns: [70, 30],
    fontSize: 12,
    rows: [
      head,
      line('主动公开信息数', 'active.total'),
      line('其中：全文电子化的主动公开信息数', 'active.electronic'),
      line('新增的行政规范性文件数', 'active.normative'),
    ],
  },
  {
    id: 'annex2',
    title: '附表2 依申请公开情况统计',
    unit: '单位：条',
    sheetName: '附表2 依申请公开情况统计',
    columns: [70, 30],
    fontSize: 12,
    rows: [
      head,
      line('依申请公开信息目录数', 'request.catalogue'),
      line('申请总数', 'request.total'),
      ...parts(CHANNELS),
      line('对申请的答复总数', 'answer.total'),
      ...parts(ANSWERS),
    ],
  },
  {
    id: 'annex3',
    title: '附表3 咨询情况统计',
    sheetName: '附表3 咨询情况统计',
    columns: [55, 15, 30],
    fontSize: 12,
    rows: [
      { header: true, cells: [{ text: '指标' }, { text: '单位' }, { text: '数量' }] },
      ...CONSULTATIONS.map((c) => ({
        cells: [{ text: c.label, align: 'left' as const }, { text: c.unit }, { field: c.id }],
      })),
    ],
  },
  {
    id: 'annex4',
    title: '附表4 申诉情况统计表',
    unit: '单位：件',
    sheetName: '附表4 申诉情况统计表',
    columns: [70, 30],
    fontSize: 12,
    rows: [
      head,
      ...APPEALS.map((a) => line(a.label, a.id)),
      line('其中：对本单位首次处理不满意的行政申诉数', 'appeal.complaintFirst'),
    ],
  },
];

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
  // L4: 全文电子化 counts a part of the items disclosed.
  {
    id: 'L4',
    kind: 'at-most',
    severity: 'error',
    left: ['active.electronic'],
    right: ['active.total'],
    at: 'active.electronic',
  },
  // L5: 其中 counts a part of the 行政申诉.
  {
    id: 'L5',
    kind: 'at-most',
    severity: 'error',
    left: ['appeal.complaintFirst'],
    right: ['appeal.complaint'],
    at: 'appeal.complaintFirst',
  },
  // 广州城管委 2012 printed 170 新增规范性文件 = its 170 items disclosed, while its prose counts 11 drafted.
  { id: 'L6', kind: 'not-copy', severity: 'warning', field: 'active.normative', of: 'active.total', min: 10 },
  { id: 'EMPTY', kind: 'required', severity: 'warning', slot: 'problems.issues' },
];

export const guangzhou2010: TemplateDef = {
  id: 'guangzhou-2010',
  name: '广州市旧格式（2008—2012年）',
  basis: '《中华人民共和国政府信息公开条例》《广州市政府信息公开规定》《广州市依申请公开政府信息办法》',
  years: { from: 2008, to: 2018 },
  preface: { id: 'preface' },
  sections: [
    {
      id: 'overview',
      title: '概述',
      blocks: [
        { kind: 'prose', slot: { id: 'overview.summary' } },
        { kind: 'prose', slot: { id: 'overview.practices', phrases: 'measures' } },
      ],
    },
    {
      id: 'active',
      title: '政府信息主动公开情况',
      blocks: [
        { kind: 'prose', slot: { id: 'active.summary' } },
        { kind: 'list', list: 'active.categories' },
        { kind: 'prose', slot: { id: 'active.forms' } },
      ],
    },
    {
      id: 'request',
      title: '政府信息依申请公开情况',
      blocks: [{ kind: 'prose', slot: { id: 'request.summary' } }],
    },
    { id: 'consult', title: '咨询情况', blocks: [{ kind: 'prose', slot: { id: 'consult.summary' } }] },
    {
      id: 'review',
      title: '复议、诉讼和申诉情况',
      blocks: [{ kind: 'prose', slot: { id: 'review.summary' } }],
    },
    {
      id: 'problems',
      title: '主要问题和改进措施',
      blocks: [
        {
          kind: 'prose',
          slot: { id: 'problems.issues', heading: '（一）主要问题', phrases: 'problems', required: true },
        },
        {
          kind: 'prose',
          slot: { id: 'problems.improvements', heading: '（二）改进措施', phrases: 'improvements' },
        },
      ],
    },
    {
      id: 'notes',
      title: '说明与附表',
      blocks: [
        { kind: 'prose', slot: { id: 'notes.other' } },
        { kind: 'table', table: 'annex1' },
        { kind: 'table', table: 'annex2' },
        { kind: 'table', table: 'annex3' },
        { kind: 'table', table: 'annex4' },
      ],
    },
  ],
  attachments: [],
  tables,
  fields,
  lists: [
    {
      id: 'active.categories',
      label: '主动公开信息分类',
      unit: '条',
      decimals: 1,
      suggestions: ['政策法规类', '规划计划类', '本单位业务类'],
    },
  ],
  variants: [
    {
      id: 'default',
      name: '广州市格式',
      title: '{year}年{unit}政府信息公开年度报告',
      sections: ['overview', 'active', 'request', 'consult', 'review', 'problems', 'notes'].map((id) => ({
        id,
      })),
    },
  ],
  sentences: [
    {
      slot: 'preface',
      parts: [
        '本报告是根据《中华人民共和国政府信息公开条例》、《广州市政府信息公开规定》、《广州市依申请公开政府信息办法》要求，由{unit}编制的{year}年度政府信息公开年度报告。',
        '全文包括概述、政府信息主动公开情况、政府信息依申请公开情况、咨询情况、复议、诉讼和申诉情况，以及存在的主要问题和改进措施，并附相关说明和指标统计表。',
        '本报告的电子版可在{website}下载。',
        '如对本报告有任何疑问，请联系：{unit}，地址：{address}，电话：{phone}。',
      ],
    },
    {
      slot: 'active.summary',
      parts: [
        '{year}年，{self}主动公开政府信息{v:active.total}条，其中全文电子化达{v:active.electronic}条。',
        {
          if: { listNonEmpty: 'active.categories' },
          then: [
            '在主动公开的信息中，',
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
            '{year}年，{self}共受理依申请公开政府信息事项{v:request.total}宗，答复{v:answer.total}宗',
            ...nonZeroGroups(
              ANSWERS.map((a) => ({ label: a.label.replace(/答复数$/, ''), fields: [a.id] })),
              '宗',
            ),
            '。',
          ],
          else: ['{year}年，{self}未受理依申请公开政府信息事项。'],
        },
      ],
    },
    {
      slot: 'consult.summary',
      parts: [
        '{year}年，{self}网上咨询{v:consult.online}人次，现场接待{v:consult.visits}人次，',
        '咨询电话接听{v:consult.phone}宗次，网站专栏页面访问量{v:consult.pageViews}人次。',
      ],
    },
    {
      slot: 'review.summary',
      parts: [
        {
          if: { allZero: ['appeal.review', 'appeal.litigation', 'appeal.complaint'] },
          then: ['{year}年度，未发生针对{self}有关政府信息公开事务的行政复议案、行政诉讼案和申诉案情况。'],
          else: [
            '{year}年度，针对{self}有关政府信息公开事务的行政复议{v:appeal.review}件，',
            '行政诉讼{v:appeal.litigation}件，行政申诉{v:appeal.complaint}件。',
          ],
        },
      ],
    },
  ],
  rules,
  claims: [
    { pattern: '主动公开政府信息{n}条', field: 'active.total' },
    { pattern: '全文电子化达{n}条', field: 'active.electronic' },
    { pattern: '{n}个行政规范性文件', field: 'active.normative' },
    { pattern: '受理依申请公开政府信息事项{n}宗', field: 'request.total' },
    { pattern: '网上咨询{n}人次', field: 'consult.online' },
    { pattern: '现场接待{n}人次', field: 'consult.visits' },
    { pattern: '咨询电话接听{n}(?:人次|宗次)', field: 'consult.phone' },
    { pattern: '月访问量{n}次', field: 'consult.pageViews', perMonth: true },
    { pattern: '页面访问量{n}人次', field: 'consult.pageViews' },
    { pattern: '行政复议{n}件', field: 'appeal.review' },
    { pattern: '行政诉讼{n}件', field: 'appeal.litigation' },
  ],
};

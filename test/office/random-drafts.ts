import type { Draft } from '../../shared/report/draft';
import { newDraft } from '../../shared/report/draft-io';
import { isComputed, resolveSections } from '../../shared/report/model';
import type { TemplateDef } from '../../shared/report/template';
import { TEMPLATES } from '../../shared/report/templates';

/**
 * Drafts as varied as real ones, from a seed, so a failure can be replayed: any template and
 * variant, numbers from nothing to five digits (some left out, some 0), category lists empty or
 * full (with an own unit such as 微信（篇）), and prose whose sentences carry years, counts, shares
 * and every mark a line may end on (。、，；：”）), at lengths that put them at the ends of lines.
 * Some sub-sections are left empty; every section keeps something under its heading.
 */

/** mulberry32: a small, well-mixed 32-bit generator. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UNITS = [
  '寮步镇人民政府',
  '清溪县云岭镇人民政府',
  '海盐县武原街道办事处',
  '永昌县人民政府',
  '某市城市管理委员会',
];

/** Phrases from published reports; {n} a count, {y} a year, {p} a share, {m} an amount. */
const PHRASES = [
  '我镇严格落实《中华人民共和国政府信息公开条例》',
  '全年共发布政府信息{n}条',
  '统计期限自{y}年1月1日起至{y}年12月31日止',
  '其中信函申请{n}宗',
  '工作动态类{n}条，占比{p}%',
  '按照“先审查、后公开”和“一事一审”的原则',
  '进一步规范了政府信息公开目录和指南',
  '收取信息处理费{m}元',
  '依托“云岭发布”微信公众号推送信息{n}篇',
  '在政府门户网站开设专栏（含村务公开栏）',
  '办理人大代表建议和政协提案{n}件',
  '组织业务培训{n}次、参训{n}人次',
  '约占总数的{p}%',
  '较{y}年增长{p}%',
  '群众满意度达到{p}%',
];
const MARKS = ['，', '，', '，', '、', '；', '：'];
const ENDS = ['。', '。', '。', '！', '”。', '）。'];

export function randomDraft(seed: number): Draft {
  const random = generator(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const template: TemplateDef = pick(TEMPLATES);
  const year = Math.max(template.years.from ?? 2008, Math.min(template.years.to ?? 2025, int(2010, 2025)));
  const draft = newDraft({
    template,
    year,
    id: `random${String(seed).padStart(6, '0')}`,
    variant: pick(template.variants).id,
    unit: { name: pick(UNITS) },
  });
  draft.issuedOn = `${year + 1}-0${int(1, 3)}-${String(int(10, 28))}`;

  const count = () => {
    const digits = int(1, 5);
    return int(digits === 1 ? 1 : 10 ** (digits - 1), 10 ** digits - 1);
  };
  for (const field of template.fields) {
    if (isComputed(field)) continue;
    const roll = random();
    if (roll < 0.3) continue;
    if (roll < 0.5) draft.values[field.id] = 0;
    else
      draft.values[field.id] =
        field.kind === 'money' ? Number((random() * 1000).toFixed(field.decimals ?? 2)) : count();
  }
  for (const list of template.lists) {
    if (random() < 0.3) {
      draft.lists[list.id] = [];
      continue;
    }
    const labels = [...list.suggestions, '微信（篇）', '政务微博（条）'];
    draft.lists[list.id] = labels.slice(0, int(1, labels.length)).map((label) => ({ label, value: count() }));
  }

  const fill = (text: string) =>
    text
      .replaceAll('{n}', () => String(count()))
      .replaceAll('{y}', () => String(int(2010, year)))
      .replaceAll('{p}', () => `${int(0, 99)}.${int(0, 9)}`)
      .replaceAll('{m}', () => `${int(1, 9999)}.${int(10, 99)}`);
  const sentence = () =>
    Array.from({ length: int(1, 5) }, () => fill(pick(PHRASES)))
      .map((p, i, all) => p + (i === all.length - 1 ? pick(ENDS) : pick(MARKS)))
      .join('');
  const paragraph = () => Array.from({ length: int(1, 4) }, sentence).join('');
  const prose = () => {
    const paragraphs = Array.from({ length: int(1, 3) }, paragraph);
    // A run-in sub-heading as clerks type them: （一）加强组织领导。 followed by its text.
    if (random() < 0.3) paragraphs[0] = `（${pick(['一', '二', '三'])}）加强组织领导。${paragraphs[0]}`;
    return paragraphs.join('\n');
  };

  if (template.preface) draft.prose[template.preface.id] = prose();
  for (const section of resolveSections(template, draft)) {
    const slots = section.blocks.flatMap((b) => (b.kind === 'prose' ? [b.slot] : []));
    const hasTable = section.blocks.some((b) => b.kind === 'table');
    slots.forEach((slot, i) => {
      const keep = random() < 0.7 || (!hasTable && i === slots.length - 1);
      if (keep) draft.prose[slot.id] = prose();
    });
  }
  return draft;
}

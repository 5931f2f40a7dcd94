import { describe, expect, it } from 'vitest';
import { repeatedParagraphs, repeatedText } from '../../shared/report/repeat';

/**
 * Year over year (#9.3): the share of this year's prose that repeats last year's, sentence by
 * sentence. The wording is that of township reports, whose 总体情况 is often last year's with the
 * year changed.
 */
const LAST_YEAR = {
  preface:
    '本报告是根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，由柳溪镇人民政府编制。本报告中所列数据的统计期限自2026年1月1日起至2026年12月31日止。本报告电子版可在柳溪镇人民政府网站下载。',
  's1.intro':
    '2026年，柳溪镇人民政府在县委、县政府的正确领导下，认真贯彻落实《条例》。我镇严格落实公文公开属性源头认定机制，公文在拟稿时即明确公开属性。',
  's5.problems': '一是信息公开的及时性有待提高。二是政策解读形式较为单一。',
};

describe('repeatedText', () => {
  it('counts a sentence repeated word for word, or with only the year changed, and leaves new ones out', () => {
    const thisYear = {
      's1.intro':
        '2027年，柳溪镇人民政府在县委、县政府的正确领导下，认真贯彻落实《条例》。全年新建村级政务公开栏12个，方便群众就近查阅。',
      's5.problems': '一是信息公开的及时性有待提高。二是政务新媒体更新频次偏低。',
    };
    const { share, repeatedSentences } = repeatedText(thisYear, LAST_YEAR);
    expect(repeatedSentences).toEqual({
      's1.intro': ['2027年，柳溪镇人民政府在县委、县政府的正确领导下，认真贯彻落实《条例》。'],
      's5.problems': ['一是信息公开的及时性有待提高。'],
    });
    const length = (s: string) => s.length;
    const repeated = length('#年，柳溪镇人民政府在县委、县政府的正确领导下，认真贯彻落实《条例》。') + 15;
    const total =
      repeated +
      length('全年新建村级政务公开栏12个，方便群众就近查阅。') +
      length('二是政务新媒体更新频次偏低。');
    expect(share).toBeCloseTo(repeated / total, 6);
  });

  it('leaves out the stock sentences every report shares, and a draft’s generated sentences', () => {
    const draft = {
      prose: {
        preface:
          '本报告是根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，由柳溪镇人民政府编制。本报告中所列数据的统计期限自2027年1月1日起至2027年12月31日止。',
        's1.request': '2027年，我镇未收到政府信息公开申请，无上年结转申请。\n全年接待群众咨询30余人次。',
      },
      generated: { 's1.request': '2027年，我镇未收到政府信息公开申请，无上年结转申请。' },
    };
    const last = { ...LAST_YEAR, 's1.request': '2026年，我镇未收到政府信息公开申请，无上年结转申请。' };
    expect(repeatedText(draft, last)).toEqual({ share: 0, repeatedSentences: {} });
    // The same words as plain prose are not known to be generated: they count.
    expect(repeatedText(draft.prose, last).repeatedSentences).toEqual({
      's1.request': ['2027年，我镇未收到政府信息公开申请，无上年结转申请。'],
    });
  });

  it('is 1 for last year’s text unchanged and 0 with nothing to compare', () => {
    expect(repeatedText({ 's1.intro': LAST_YEAR['s1.intro'] }, LAST_YEAR).share).toBe(1);
    expect(repeatedText({ 's1.intro': LAST_YEAR['s1.intro'] }, {}).share).toBe(0);
    expect(repeatedText({}, LAST_YEAR).share).toBe(0);
  });
});

describe('repeatedParagraphs', () => {
  it('names the paragraphs that are mostly repeated sentences', () => {
    const text = `${LAST_YEAR['s5.problems']}\n三是个别栏目的更新仍不及时，部分信息发布滞后于工作进度。`;
    const { repeatedSentences } = repeatedText({ 's5.problems': text }, LAST_YEAR);
    expect(repeatedParagraphs(text, repeatedSentences['s5.problems']!)).toEqual([LAST_YEAR['s5.problems']]);
  });
});

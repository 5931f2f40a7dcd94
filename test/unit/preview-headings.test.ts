import { describe, expect, it } from 'vitest';
import { subHeading as exporterSubHeading } from '../../shared/export/docx/prose';
import { titleLines as exporterTitleLines } from '../../shared/export/docx/title';
import { subHeading, titleLines } from '../../renderer/preview/headings';

// The preview keeps a docx-free copy of the exporter's heading and title rules; it must agree with the Word file.
const paragraphs = [
  '（一）主动公开',
  '（一）加强组织领导。成立由镇长任组长的政务公开领导小组。',
  '(二)依申请公开',
  '1.压实工作责任。进一步明确各科室信息公开职责。',
  '1.5万元用于平台维护。',
  '１．完善制度',
  '2、加强培训',
  '（1）公开目录',
  '（十二）其他',
  '2025年，我镇主动公开政府信息343条。',
  '（一）这是一个很长很长的句子，它虽然以编号开头，但其实是正文中的一整段话，没有句号也远远超过了标题的长度',
  '（三）一个很长的段首标题，长度超过了三十个字符的限制，所以不算作段首标题，而是正文。后面还有内容。',
  '',
];

describe('preview headings agree with the Word exporter', () => {
  it.each(paragraphs)('detects the same sub-heading in %j', (p) => {
    expect(subHeading(p)).toEqual(exporterSubHeading(p));
  });

  it('breaks titles at the same whole words', () => {
    const titles: [string, string][] = [
      ['清溪县云岭镇人民政府2025年政府信息公开工作年度报告', '清溪县云岭镇人民政府'],
      ['寮步镇人民政府2012年政府信息公开工作年度报告', '寮步镇人民政府'],
      ['广州市城市管理委员会2010年政府信息公开工作年度报告', ''],
      ['某某街道办事处2024年政府信息公开工作年度报告', '某某街道办事处'],
      ['短标题', '短'],
      ['政府信息公开工作年度报告统计表', ''],
    ];
    for (const [title, unit] of titles)
      expect(titleLines(title, unit)).toEqual(exporterTitleLines(title, unit));
    expect(titleLines('清溪县云岭镇人民政府2025年政府信息公开工作年度报告', '清溪县云岭镇人民政府')).toEqual([
      '清溪县云岭镇人民政府',
      '2025年政府信息公开工作年度报告',
    ]);
  });
});

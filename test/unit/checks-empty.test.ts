import { describe, expect, it } from 'vitest';
import { runChecks } from '../../shared/report/checks';
import { newDraft } from '../../shared/report/draft-io';
import { TEMPLATES } from '../../shared/report/templates';
import { national2021 } from '../../shared/report/templates/national-2021';
import { fullNationalDraft } from '../fixtures/full-national';

/** The two checks of what a report leaves out: an empty sub-heading (HEAD) and a total without parts (BLANK). */
const township = TEMPLATES.find((t) => t.id === 'township-2012')!;

describe('HEAD: a sub-heading with nothing under it', () => {
  it('warns of （三）政府信息管理 left empty, pointing at its slot', () => {
    const draft = fullNationalDraft();
    draft.prose['s1.management'] = '';
    const found = runChecks(national2021, draft).filter((f) => f.rule === 'HEAD');
    expect(found).toMatchObject([
      {
        severity: 'warning',
        key: 'checks.emptyHeading',
        params: { heading: '（三）政府信息管理', section: '一、总体情况' },
        at: { slot: 's1.management' },
      },
    ]);
  });

  it('is quiet once the slot says what was done', () => {
    const draft = fullNationalDraft();
    draft.prose['s1.management'] = '严格执行“先审查、后公开”和“一事一审”制度，全年未发生泄密和不当公开事件。';
    expect(runChecks(national2021, draft).filter((f) => f.rule === 'HEAD')).toEqual([]);
  });
});

describe('BLANK: a total whose parts were never entered', () => {
  /** 寮步镇 2012: the channels were published (镇政府网站 1986 …), the categories were not. */
  const liaobu = () => {
    const draft = newDraft({ template: township, year: 2012, unit: { name: '寮步镇人民政府' } });
    draft.lists['active.channels'] = [
      { label: '镇政府网站', value: 1986 },
      { label: '《寮步报》', value: 839 },
    ];
    return draft;
  };

  it('warns that 主动公开政府信息数 prints blank when no category was counted', () => {
    const found = runChecks(township, liaobu()).filter((f) => f.rule === 'BLANK');
    expect(found).toMatchObject([
      {
        severity: 'warning',
        key: 'checks.blankListTotal',
        params: { field: '主动公开政府信息数', list: '主动公开政府信息分类' },
      },
    ]);
  });

  it('is quiet when the categories carry the counts: 规范性文件类 28, 规划计划类 16, 业务工作类 248', () => {
    const draft = liaobu();
    draft.lists['active.categories'] = [
      { label: '规范性文件类', value: 28 },
      { label: '规划计划类', value: 16 },
      { label: '业务工作类', value: 248 },
    ];
    expect(runChecks(township, draft).filter((f) => f.rule === 'BLANK')).toEqual([]);
  });
});

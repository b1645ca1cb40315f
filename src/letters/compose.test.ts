import { describe, expect, it } from 'vitest';
import { OUTCOME_LEAVES } from '../applications/model.ts';
import { isDomainError } from '../errors.ts';
import { unzipText } from '../report/write/unzip.ts';
import { type ComposeInput, chineseDate, composeLetter, remedyNotice, reviewBodyOf } from './compose.ts';
import { renderLetterDocx } from './docx.ts';
import { formatLetterNumber, LETTER_KINDS, letterPrefix } from './model.ts';
import { renderLetterHtml, renderLetterPdf } from './pdf.ts';

const agency: ComposeInput['agency'] = {
  name: '示例市市场监督管理局',
  shortName: null,
  kind: 'department',
  reviewBody: null,
  court: '示例市示城区人民法院',
  officeAddress: '示例市人民路1号',
  officePhone: '0517-83600000',
  letterPrefix: '示市监',
};
const parent = { name: '示例市人民政府', kind: 'government' as const };
const application: ComposeInput['application'] = {
  applicantName: '张三',
  trackingNo: 'GK2025-3-000007',
  description: '2024年度食品抽检不合格企业名单',
  receivedOn: '2025-09-29',
  dueDate: '2025-11-03',
  outcome: 'partlyGranted',
};
const compose = (kind: ComposeInput['kind'], details: ComposeInput['details'] = {}, over: Partial<ComposeInput> = {}) =>
  composeLetter({
    kind,
    application,
    agency,
    parent,
    number: '示市监公复〔2025〕7号',
    issuedOn: '2025-11-03',
    details,
    ...over,
  });

const text = (l: ReturnType<typeof composeLetter>) => [l.addressee, ...l.paragraphs, l.remedy ?? ''].join('\n');

describe('numbers and dates', () => {
  it('formats the number with the agency prefix and the series', () => {
    expect(formatLetterNumber(letterPrefix(agency), '复', 2025, 7)).toBe('示市监公复〔2025〕7号');
    expect(letterPrefix({ letterPrefix: null, shortName: '市监局', name: 'x' })).toBe('市监局');
    expect(letterPrefix({ letterPrefix: ' ', shortName: null, name: '示例局' })).toBe('示例局');
  });
  it('writes dates in Chinese without leading zeros', () => {
    expect(chineseDate('2025-11-03')).toBe('2025年11月3日');
  });
});

describe('答复书 (spec §5 element order)', () => {
  it('partlyGranted quotes 第三十七条, states the receipt date and ends with the remedy notice', () => {
    const l = compose('reply', { reason: '名单中个人身份信息涉及个人隐私' });
    expect(l.title).toBe('政府信息公开申请答复书');
    expect(l.addressee).toBe('张三：');
    expect(l.paragraphs[0]).toMatch(/^本机关于2025年9月29日收到您提出的政府信息公开申请，.*现答复如下：$/);
    expect(l.paragraphs.join('')).toContain('《条例》第三十七条');
    expect(l.paragraphs.at(-1)).toBe('对不予公开的内容，说明理由如下：名单中个人身份信息涉及个人隐私。');
    expect(l.remedy).toBe(
      '如对本答复不服，可以自收到本答复之日起六十日内向示例市人民政府申请行政复议，也可以自收到本答复之日起六个月内向示例市示城区人民法院提起行政诉讼。',
    );
    expect(l).toMatchObject({ dateText: '2025年11月3日', seal: '（印章）', agencyName: '示例市市场监督管理局' });
  });

  it.each([
    ['granted', {}, '第三十六条第（二）项'],
    ['granted', { where: '示例市人民政府网站' }, '第三十六条第（一）项'],
    ['withheldStateSecret', {}, '第十四条、第三十六条第（三）项'],
    ['withheldThirdPartyRights', {}, '第十五条、第三十六条第（三）项'],
    ['withheldInternalAffairs', {}, '第十六条第一款、第三十六条第（三）项'],
    ['withheldDeliberative', {}, '第十六条第二款、第三十六条第（三）项'],
    ['withheldQueryMatter', {}, '第三十六条第（七）项'],
    ['unableNotHeld', {}, '第三十六条第（四）项'],
    ['unableNotHeld', { rightAgency: '示例市税务局' }, '第三十六条第（五）项'],
    ['unableNeedsCreation', {}, '第三十八条'],
    ['rejectedDuplicate', {}, '第三十六条第（六）项'],
    ['rejectedPetition', {}, '第三十九条第一款'],
    ['rejectedPublication', {}, '第三十九条第二款'],
    ['rejectedExcessive', {}, '第三十五条'],
    ['otherNoCorrection', {}, '第三十条'],
    ['otherUnpaidFee', {}, '国办函〔2020〕109号'],
  ] as const)('%s %o quotes %s', (outcome, details, basis) => {
    expect(compose('reply', { ...details, outcome }).paragraphs.join('')).toContain(basis);
  });

  it('every outcome has a reply (those needing the facts say which field is missing)', () => {
    for (const outcome of OUTCOME_LEAVES) {
      const l = compose('reply', { outcome, reason: '具体理由' });
      expect(l.paragraphs.length).toBeGreaterThan(1);
    }
    const e = (() => {
      try {
        compose('reply', { outcome: 'partlyGranted' });
      } catch (err) {
        return err;
      }
    })();
    expect(isDomainError(e, 'validation') && e.field).toBe('reason');
  });

  it('the 复议机关 defaults to the 本级人民政府, or the agency’s setting, and the court to 有管辖权的人民法院', () => {
    expect(reviewBodyOf(agency, parent)).toBe('示例市人民政府');
    expect(reviewBodyOf(agency, null)).toBe('本级人民政府');
    expect(reviewBodyOf({ ...agency, kind: 'government' }, null)).toBe('上一级人民政府');
    expect(reviewBodyOf({ ...agency, reviewBody: '示例省人民政府' }, parent)).toBe('示例省人民政府');
    expect(remedyNotice({ ...agency, court: null }, parent)).toContain('向有管辖权的人民法院提起行政诉讼');
  });
});

describe('other letters', () => {
  it('收费通知书 carries the arithmetic and the payment deadline', () => {
    const l = compose('feeNotice', { feeBasis: 'items', quantity: 45, month: '2025年10月', payBy: '2025-12-01' });
    expect(l.paragraphs).toContain('第31至40件：10件×200元＝2000元');
    expect(l.paragraphs).toContain('合计：5500元');
    expect(text(l)).toContain('请您于2025年12月1日前缴纳信息处理费5500元');
    expect(() => compose('feeNotice', { feeBasis: 'pages', quantity: 30, payBy: '2025-12-01' })).toThrow(
      '未超过免费额度',
    );
  });

  it('受理回执 gives the 查询号 and the deadline; 延期 the new deadline; 补正 the period', () => {
    expect(text(compose('receipt'))).toContain('查询号为GK2025-3-000007');
    expect(text(compose('receipt'))).toContain('答复期限为2025年11月3日');
    expect(text(compose('extension', { days: 20, dueDate: '2025-12-01' }))).toContain(
      '答复期限延长20个工作日，延长后的答复期限为2025年12月1日',
    );
    expect(text(compose('correction', { problems: '未写明所需信息的年度', replyBy: '2025-10-20' }))).toContain(
      '请您于2025年10月20日前对申请内容作出补正',
    );
  });

  it('the third party is addressed by name and never told who applied', () => {
    const l = compose('thirdPartyConsultation', { thirdPartyName: '示例食品有限公司' });
    expect(l.addressee).toBe('示例食品有限公司：');
    expect(text(l)).not.toContain('张三');
    expect(text(l)).toContain('第三十二条');
  });

  it('every kind composes with only the addressee’s name as personal data', () => {
    const details = {
      problems: 'x',
      reason: '理由',
      replyBy: '2025-10-20',
      thirdPartyName: '某公司',
      days: 5,
      feeBasis: 'pages' as const,
      quantity: 31,
      payBy: '2025-12-01',
    };
    for (const kind of LETTER_KINDS) expect(JSON.stringify(compose(kind, details))).not.toMatch(/\d{17}[\dX]/);
  });
});

describe('DOCX and HTML', () => {
  it('the DOCX holds the number, the title, 仿宋 as East Asian font and 方正小标宋 for the title', async () => {
    const xml = unzipText(await renderLetterDocx(compose('reply', { reason: '涉及个人隐私' })), 'word/document.xml');
    expect(xml).toContain('示市监公复〔2025〕7号');
    expect(xml).toContain('政府信息公开申请答复书');
    expect(xml).toMatch(/w:eastAsia="仿宋[^"]*"/);
    expect(xml).toMatch(/w:eastAsia="方正小标宋[^"]*"/);
    expect(xml).toContain('（印章）');
    expect(xml).toContain('2025年11月3日');
  });

  it('the HTML escapes what it prints', () => {
    const html = renderLetterHtml(compose('reply', { reason: '<b>理由</b>' }));
    expect(html).toContain('&lt;b&gt;理由&lt;/b&gt;');
    expect(html).toContain('示市监公复〔2025〕7号');
  });

  it('says plainly that Chromium is needed when there is none', async () => {
    await expect(renderLetterPdf(compose('receipt'), null)).rejects.toThrow(
      /生成 PDF 需要 Chromium.*apt-get install chromium/,
    );
  });
});

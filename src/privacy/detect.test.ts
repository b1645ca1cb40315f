import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalData, isIdNumber, maskHit, passesLuhn } from './detect.ts';
import { cardNumberFor, idNumberFor } from './testing.ts';

const ID = idNumberFor('32080219850312002'); // made up, valid check character
const kinds = (text: string) => findPersonalData(text).map((h) => [h.kind, h.text]);

describe('身份证号', () => {
  it('needs the right check character and a real birth date', () => {
    expect(isIdNumber(ID)).toBe(true);
    const wrong = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1');
    expect(isIdNumber(wrong)).toBe(false);
    expect(isIdNumber(idNumberFor('32080219850230002'))).toBe(false); // 30 February
    expect(isIdNumber(idNumberFor('32080218000101002'))).toBe(false); // born 1800
    expect(isIdNumber(idNumberFor('11010519491231002').toLowerCase())).toBe(true);
  });

  it('is found in running text, not inside a longer number', () => {
    expect(kinds(`申请人张三，身份证号${ID}，现住某区。`)).toEqual([['idNumber', ID]]);
    expect(findPersonalData(`编号9${ID}`, ['idNumber'])).toEqual([]);
    expect(findPersonalData(`${ID}7`, ['idNumber'])).toEqual([]);
  });

  it('finds every valid ID wherever it is put', () => {
    const body = fc.stringMatching(/^[1-9]\d{5}(19[5-9]\d|20[01]\d)(0[1-9]|1[0-2])(0[1-9]|1\d|2[0-8])\d{3}$/);
    fc.assert(
      fc.property(body, fc.string({ maxLength: 20 }), (first17, around) => {
        const id = idNumberFor(first17);
        const text = `${around.replace(/[0-9A-Za-z]/g, '')}：${id}。`;
        expect(findPersonalData(text, ['idNumber']).map((h) => h.text)).toEqual([id]);
      }),
    );
  });
});

describe('other kinds', () => {
  it('mobile numbers with or without separators and country code', () => {
    expect(kinds('电话13800138000')).toEqual([['mobile', '13800138000']]);
    expect(kinds('联系电话：+86 138-0013-8000，')).toEqual([['mobile', '+86 138-0013-8000']]);
    expect(kinds('12345678901')).toEqual([]); // not a mobile prefix
    expect(kinds('座机0517-83600000')).toEqual([]);
  });

  it('bank cards pass Luhn', () => {
    const card = cardNumberFor('621700123456789012');
    expect(passesLuhn(card)).toBe(true);
    expect(kinds(`账号${card}`)).toEqual([['bankCard', card]]);
    const spaced = `${card.slice(0, 4)} ${card.slice(4, 8)} ${card.slice(8, 12)} ${card.slice(12, 16)} ${card.slice(16)}`;
    expect(kinds(`卡号：${spaced}`)).toEqual([['bankCard', spaced]]);
    const bad = card.slice(0, -1) + ((Number(card.slice(-1)) + 1) % 10);
    expect(kinds(`账号${bad}`)).toEqual([]);
  });

  it('e-mail addresses', () => {
    expect(kinds('邮箱zhang.san+gk@example.com.cn。')).toEqual([['email', 'zhang.san+gk@example.com.cn']]);
    expect(kinds('发送至 @example 或 a@b')).toEqual([]);
  });

  it('home addresses: house number with flat, or an address after 住址/家住', () => {
    expect(kinds('家住清江浦区健康东路12号3栋2单元501室，')).toEqual([
      ['address', '清江浦区健康东路12号3栋2单元501室'],
    ]);
    expect(kinds('住址：淮安市清江浦区健康东路12号')).toEqual([['address', '淮安市清江浦区健康东路12号']]);
    // An office address on its own is not a home.
    expect(kinds('本机关地址：淮安市健康东路88号。')).toEqual([]);
  });

  it('an ID wins over the card and mobile patterns it also matches', () => {
    expect(findPersonalData(ID).map((h) => h.kind)).toEqual(['idNumber']);
  });

  it('masks a hit for lists and logs', () => {
    expect(maskHit({ kind: 'idNumber', text: ID })).toBe(
      `身份证号码 ${ID.slice(0, 4)}${'*'.repeat(10)}${ID.slice(-4)}`,
    );
    expect(maskHit({ kind: 'mobile', text: '13800138000' })).toBe('手机号码 1380***8000');
  });

  it('never throws and offsets always point at the hit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        for (const h of findPersonalData(text)) expect(text.slice(h.start, h.end)).toBe(h.text);
      }),
    );
  });
});

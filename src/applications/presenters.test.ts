import { describe, expect, it } from 'vitest';
import { ADDRESS, ID_NUMBER, PHONE } from '../../test/applications.ts';
import type { Application } from './model.ts';
import {
  addressDistrict,
  maskIdNumber,
  maskPhone,
  presentForApplicant,
  presentForInspector,
  presentForStaff,
} from './presenters.ts';

const app: Application = {
  id: 1,
  agencyId: 2,
  trackingNo: 'GK2025-2-000001',
  applicantKind: 'naturalPerson',
  applicantName: '张三',
  contactPerson: null,
  idType: 'residentId',
  idNumber: ID_NUMBER,
  creditCode: null,
  phone: PHONE,
  email: 'zhangsan@example.com',
  address: ADDRESS,
  postcode: '223001',
  description: '老旧小区改造项目清单',
  documentRef: null,
  provisionForm: 'paper',
  delivery: 'post',
  channel: 'inPerson',
  submittedAt: '2025-09-29T01:00:00.000Z',
  receivedOn: '2025-09-29',
  status: 'received',
  dueDate: '2025-11-03',
  handlerUserId: null,
  outcome: null,
  decidedOn: null,
  createdAt: '2025-09-29T01:00:00.000Z',
  updatedAt: '2025-09-29T01:00:00.000Z',
};

describe('presenters', () => {
  it('masks an id number, a phone and an address', () => {
    expect(maskIdNumber('32010219900101123X')).toBe('3201**********123X');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0517-83606114')).toBe('051*****6114');
    expect(addressDistrict(ADDRESS)).toBe('江苏省淮安市清江浦区');
    expect(addressDistrict('北京市东城区某街道')).toBe('北京市东城区');
    expect(addressDistrict('某地某路1号')).toBe('（地址已隐去）');
  });

  it('staff see everything; inspectors see personal data masked', () => {
    expect(presentForStaff(app)).toMatchObject({ idNumber: ID_NUMBER, phone: PHONE, address: ADDRESS });
    const inspected = JSON.stringify(presentForInspector(app));
    for (const secret of [ID_NUMBER, PHONE, ADDRESS, 'zhangsan@example.com']) expect(inspected).not.toContain(secret);
  });

  it('the public view never contains the id number, phone, email or address', () => {
    const shown = presentForApplicant(app, '测试局', null);
    const text = JSON.stringify(shown);
    for (const secret of [ID_NUMBER, PHONE, ADDRESS, 'zhangsan@example.com', '223001'])
      expect(text).not.toContain(secret);
    expect(Object.keys(shown)).not.toContain('idNumber');
    expect(shown.steps).toEqual([
      { label: '提交申请', done: true },
      { label: '受理', done: true },
      { label: '办理', done: true },
      { label: '答复', done: false },
    ]);
  });
});

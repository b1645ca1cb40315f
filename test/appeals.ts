// Builders for appeal case tests.
import type { CaseInput } from '../src/appeals/schema.ts';

export function buildCaseInput(overrides: Partial<CaseInput> = {}): CaseInput {
  return {
    kind: 'reconsideration',
    bodyName: '测试市人民政府',
    caseNo: '测政复〔2025〕12号',
    appellantName: '王小明',
    filedOn: '2025-03-10',
    ...overrides,
  };
}

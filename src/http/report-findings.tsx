// The checker's findings as a list, the same on the portal's 年报检查, the console's report page and the import
// preview: severity, rule id, the Chinese message and, when few, the names of the cells involved.
import type { Diagnostic } from '../report/diagnostics.ts';
import { cellName } from '../report/labels.ts';

export const SEVERITY_LABELS = { error: '错误', warning: '警告' } as const;

export function errorCount(diagnostics: readonly Diagnostic[]): number {
  return diagnostics.filter((d) => d.severity === 'error').length;
}

export function FindingList(props: { diagnostics: readonly Diagnostic[] }) {
  return (
    <ol class="findings">
      {props.diagnostics.map((d) => (
        <li class={`finding ${d.severity}`}>
          <strong>
            {SEVERITY_LABELS[d.severity]}［{d.rule}］
          </strong>{' '}
          {d.message}
          {d.cells.length > 0 && d.cells.length <= 7 ? (
            <span class="cells">（涉及：{d.cells.map(cellName).join('、')}）</span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

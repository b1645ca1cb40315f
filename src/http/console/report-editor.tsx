// The editor of the annual report's narrative sections 一, 五, 六: one form, a textarea per section prefilled with
// the saved text or the system's first draft (marked 【初稿…】), and beside it last year's text of the same section
// with a button that adopts it (a plain form POST, no script) and what 国办公开办函〔2021〕30号 asks the section to
// cover. Leaving a section empty returns it to the system's draft.
import { TEXT_SECTION_LABELS, TEXT_SECTIONS, type TextSection } from '../../annual/model.ts';
import { MAX_TEXT } from '../../annual/service.ts';
import { DRAFT_NOTE } from '../../report/compile/index.ts';
import { paragraphs } from '../../report/write/layout.ts';
import { consoleReportHref } from '../report-links.ts';
import { fieldId } from './form.tsx';
import type { PageData } from './report-page.tsx';
import { SECTION_PROMPTS } from './report-prompts.ts';

function Prompts(props: { section: TextSection }) {
  const p = SECTION_PROMPTS[props.section];
  return (
    <details class="prompts" open>
      <summary>本部分应写明的内容（30号文）</summary>
      <p class="hint">{p.basis}</p>
      <ul>
        {p.topics.map((t) => (
          <li>
            <strong>{t.topic}</strong>：{t.ask}
          </li>
        ))}
      </ul>
    </details>
  );
}

function SectionField(props: { data: PageData; section: TextSection }) {
  const { data, section: s } = props;
  const { view } = data;
  const saved = view.record?.texts[s] ?? null;
  const value = data.values?.[s] ?? view.report.text[s];
  const invalid = data.error?.field === s;
  const id = fieldId(s);
  const last = data.lastTexts[s];
  const hint = value.includes(DRAFT_NOTE)
    ? '以下是系统根据本机关记录生成的初稿，请核实、补充，并删去开头的【初稿…】标记后再报送。'
    : saved === null
      ? '以下是系统根据本机关记录生成的文字，请核实。'
      : '已保存的文字。清空后保存即恢复为系统生成的初稿。';
  return (
    <section class="section-editor" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{TEXT_SECTION_LABELS[s]}</h3>
      <div class="section-editor-grid">
        <div class="field">
          <label for={id}>本年度文字</label>
          <p class="hint" id={`${id}-hint`}>
            {hint}
          </p>
          <textarea
            id={id}
            name={s}
            rows={14}
            maxlength={MAX_TEXT}
            aria-invalid={invalid ? 'true' : undefined}
            aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
          >
            {value}
          </textarea>
          {invalid ? (
            <p class="field-error" id={`${id}-error`}>
              {data.error?.message}
            </p>
          ) : null}
        </div>
        <div class="previous-text">
          <h4>上年度（{view.year - 1}年）的文字</h4>
          {last ? (
            <>
              <div class="quoted">
                {paragraphs(last).map((p) => (
                  <p>{p}</p>
                ))}
              </div>
              <button type="submit" name="adopt" value={s} aria-label={`采用上年文本（${TEXT_SECTION_LABELS[s]}）`}>
                采用上年文本
              </button>
              <p class="hint">采用后请按本年度情况修改：与上年内容雷同是年度报告评议中常见的扣分项。</p>
            </>
          ) : (
            <p class="hint">没有上年度的报告。</p>
          )}
          <Prompts section={s} />
        </div>
      </div>
    </section>
  );
}

export function ReportEditor(props: { data: PageData }) {
  const { view, csrf } = props.data;
  return (
    <section aria-labelledby="editor-title">
      <h2 id="editor-title">编写文字部分</h2>
      <p>
        表二、表三、表四由系统根据本机关的记录生成，报送前随记录自动更新；第一、五、六部分的文字在此编写。保存不会报送。
      </p>
      <form method="post" action={`${consoleReportHref(view.agency.id, view.year)}/texts`} class="stack report-editor">
        <input type="hidden" name="_csrf" value={csrf} />
        {TEXT_SECTIONS.map((s) => (
          <SectionField data={props.data} section={s} />
        ))}
        <button type="submit" name="save" value="1">
          保存文字
        </button>
      </form>
    </section>
  );
}

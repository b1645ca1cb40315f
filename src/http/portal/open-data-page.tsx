// /open-data: what the two open data files of the annual reports hold, field by field, and that anyone may use
// them freely. Linked from the /reports page.
import { Hono } from 'hono';
import { OPEN_DATA_TERMS } from '../../annual/open-data.ts';
import type { AppEnv } from '../env.ts';
import { PortalPage } from '../layout.tsx';
import { html } from '../render.ts';
import { OPEN_DATA_CSV, OPEN_DATA_JSON } from '../report-links.ts';
import { OPEN_DATA_PAGE } from './open-data.ts';

const JSON_FIELDS: [string, string][] = [
  ['generatedAt', '生成时间（ISO 8601）'],
  ['updatedAt', '所列报告中最近一次变动的时间；没有报告时为 null'],
  ['terms', '使用条件'],
  ['count', '报告份数'],
  ['reports[].agencyId', '机关序号（用于筛选和本站链接）'],
  ['reports[].agency', '机关名称'],
  ['reports[].creditCode', '机关的统一社会信用代码；未登记时为 null'],
  ['reports[].year', '报告年度'],
  ['reports[].publishedOn', '发布日期（YYYY-MM-DD）'],
  ['reports[].origin', 'compiled：在本系统中编制、审核后发布；imported：本系统启用前已公布、导入的往年报告'],
  ['reports[].url', '报告在本站的网页'],
  ['reports[].files', '报告文件的地址：docx（Word）、pdf、json、xlsx（Excel）'],
  ['reports[].report', '报告全文和全部表格数据，格式符合年度报告 JSON Schema（国办公开办函〔2021〕30号格式）'],
];

const CSV_FIELDS: [string, string][] = [
  ['agencyId', '机关序号'],
  ['agency', '机关名称'],
  ['creditCode', '统一社会信用代码'],
  ['year', '报告年度'],
  ['publishedOn', '发布日期（YYYY-MM-DD）'],
  ['cell', '单元格路径，与 JSON 中 report 的字段对应，如 requests.received.naturalPerson'],
  ['cellName', '单元格的中文名称，如“一、本年新收申请数量·自然人”'],
  ['value', '数值（行政事业性收费金额以万元计，其余为件数）'],
];

function FieldTable(props: { caption: string; fields: [string, string][] }) {
  return (
    <table class="catalog-table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">字段</th>
          <th scope="col">含义</th>
        </tr>
      </thead>
      <tbody>
        {props.fields.map(([name, meaning]) => (
          <tr>
            <th scope="row">
              <code>{name}</code>
            </th>
            <td>{meaning}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export const openDataPageRoutes = new Hono<AppEnv>();

openDataPageRoutes.get(OPEN_DATA_PAGE, (c) =>
  html(
    c,
    <PortalPage title="年度报告开放数据" settings={c.get('settings')} current="/reports">
      <h1>政府信息公开工作年度报告开放数据</h1>
      <p>本站已发布的全部政府信息公开工作年度报告，以两种机器可读的格式提供下载，随报告发布自动更新：</p>
      <ul>
        <li>
          <a href={OPEN_DATA_JSON}>annual-reports.json</a>：每份报告一项，含报告全文和全部表格数据。
        </li>
        <li>
          <a href={OPEN_DATA_CSV}>annual-reports.csv</a>：每份报告每个表格单元格一行（每份报告200行），UTF-8 编码（带
          BOM，可直接用 Excel 打开）。
        </li>
      </ul>
      <p>
        两个文件都可以加参数筛选：<code>?year=2025</code> 只列该年度，<code>?agency=机关序号</code>{' '}
        只列该机关。程序也可以通过 JSON 接口 <code>/api/v1/annual-reports</code> 获取同样的数据（见{' '}
        <a href="/api/v1/openapi.json">接口说明</a>）。
      </p>
      <h2>使用条件</h2>
      <p>{OPEN_DATA_TERMS}</p>
      <h2>JSON 文件的字段</h2>
      <FieldTable caption="annual-reports.json 的字段" fields={JSON_FIELDS} />
      <h2>CSV 文件的列</h2>
      <FieldTable caption="annual-reports.csv 的列（第一行为列名）" fields={CSV_FIELDS} />
      <p>
        <a href="/reports">返回政府信息公开年报</a>
      </p>
    </PortalPage>,
  ),
);

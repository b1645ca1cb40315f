// The stylesheet embedded in every rendered HTML report: screen and print (A4, GB/T 9704-style margins),
// official font stacks with Noto CJK fallbacks so that a machine without the Windows fonts still shows Chinese.

export const FONT_TITLE =
  '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "华文中宋", "STZhongsong", "宋体", SimSun, "Noto Serif CJK SC", "Source Han Serif SC", serif';
export const FONT_HEADING = '"黑体", SimHei, "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';
export const FONT_BODY =
  '"仿宋_GB2312", "FangSong_GB2312", "仿宋", FangSong, "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif';
export const FONT_TABLE = '"宋体", SimSun, "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif';

/** Width of the text block on an A4 page with the margins below, in mm. */
export const PRINT_WIDTH_MM = 210 - 28 - 26;

export const HTML_STYLE = `
@page {
  size: A4; margin: 37mm 26mm 35mm 28mm;
  @bottom-center { content: "— " counter(page) " —"; font-family: ${FONT_TABLE}; font-size: 14pt; vertical-align: top;
    padding-top: 7mm; }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0 auto; padding: 2rem 1rem; max-width: 52rem; color: #000; background: #fff;
  font-family: ${FONT_BODY}; font-size: 16pt; line-height: 1.75;
}
h1 { font-family: ${FONT_TITLE}; font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.5;
  margin: 0 0 1.5em; }
h1 span { display: block; }
h2 { font-family: ${FONT_HEADING}; font-size: 16pt; font-weight: normal; margin: 1em 0 0.5em; text-indent: 2em;
  break-after: avoid; page-break-after: avoid; }
p { margin: 0; text-indent: 2em; text-align: justify; orphans: 2; widows: 2; }
p.date { text-align: right; text-indent: 0; margin-top: 2em; }
table { width: 100%; table-layout: fixed; border-collapse: collapse; margin: 0.5em 0 1em; font-family: ${FONT_TABLE};
  font-size: 10.5pt; line-height: 1.4; }
caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
table.legacy caption { position: static; width: auto; height: auto; clip-path: none; white-space: normal;
  text-align: left; caption-side: top; padding-bottom: 0.3em; }
th, td { border: 1px solid #000; padding: 0.3em 0.35em; vertical-align: middle; }
th { font-weight: normal; text-align: left; }
thead th, td.note { text-align: center; }
td.note { font-size: 9pt; }
th[scope="rowgroup"] { background: #dbe5f1; }
/* Numbers never wrap (a reader of the printed page would take "4553" and "2" for two cells); html.ts sizes
   them down with --value-size where the longest would not fit its printed column. */
td[data-cell], td[data-legacy] { text-align: center; font-variant-numeric: tabular-nums; white-space: nowrap;
  font-size: var(--value-size, 10.5pt); padding-left: 0.5mm; padding-right: 0.5mm; }
td[data-legacy].text { white-space: normal; overflow-wrap: anywhere; font-size: 10.5pt; }
th.vertical { text-align: center; padding-left: 0.1em; padding-right: 0.1em; }
table.appeals th, table.appeals td { padding-left: 0.1em; padding-right: 0.1em; }
thead { display: table-header-group; }
/* Rows stay whole, but a cell merged down many rows (三、本年度办理结果) must be free to break between its rows:
   Chromium would otherwise push the whole merged block to the next page. */
tr:not(:has(> [rowspan])), td, th:not([rowspan]) { break-inside: avoid; page-break-inside: avoid; }
@media screen {
  td[data-cell]:hover, td[data-legacy]:hover { outline: 2px solid #1a73e8; outline-offset: -2px; }
  td.highlight { background: #fff3b0; }
}
@media print {
  body { padding: 0; max-width: none; }
  a { color: inherit; text-decoration: none; }
}
`;

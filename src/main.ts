// `npm start`. Until the server lands (platform issue), it shows the report checker at work on the
// seed report that ships with the project, and how to check your own.
import { fileURLToPath } from 'node:url';
import { processIo } from './cli/io.ts';
import { runCli } from './cli/main.ts';

const seed = fileURLToPath(new URL('../test/fixtures/seed/000_c1efcce95eb0748a.txt', import.meta.url));
processIo.stdout('公开（Gongkai）年度报告检查器：检查随项目附带的示例报告\n');
const code = await runCli(['report', 'check', seed], processIo);
processIo.stdout(`
检查您自己的报告（文本、网页、Word、PDF 或 JSON，也可以是整个文件夹）：
  npx gongkai report check 报告.pdf
  npx gongkai report check 报告文件夹/ --csv 结果.csv
  npx gongkai report render 报告.docx --to pdf -o 报告.pdf`);
process.exitCode = code;

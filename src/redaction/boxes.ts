// Checking the boxes a handler sends before anything is drawn: each must name a page of the file, have a
// positive size and a reason from the withheld categories. Boxes reaching over the page edge are cut to it.
import { type PageSize, REDACTION_REASON_CODES, type RedactionBox } from './model.ts';
import { RedactionError } from './open.ts';

const SOURCES = new Set(['manual', 'phrase', 'pattern']);
const NOTE_MAX = 200;

export function validateBoxes(boxes: readonly RedactionBox[], sizes: readonly PageSize[]): RedactionBox[] {
  if (!Array.isArray(boxes)) throw new RedactionError('遮盖框数据无效');
  if (boxes.length > 5000) throw new RedactionError('遮盖框过多（最多5000个）');
  return boxes.map((box, i) => {
    const fail = (why: string) => new RedactionError(`第${i + 1}个遮盖框：${why}`);
    if (typeof box !== 'object' || box === null) throw fail('数据无效');
    if (!Number.isInteger(box.page) || box.page < 1 || box.page > sizes.length) {
      throw fail(`页码超出范围（共${sizes.length}页）`);
    }
    const size = sizes[box.page - 1] as PageSize;
    for (const key of ['x', 'y', 'width', 'height'] as const) {
      if (typeof box[key] !== 'number' || !Number.isFinite(box[key])) throw fail('位置或大小无效');
    }
    if (box.width <= 0 || box.height <= 0) throw fail('宽度和高度必须大于0');
    if (!REDACTION_REASON_CODES.includes(box.reason)) throw fail('未选择有效的不予公开理由');
    if (!SOURCES.has(box.source)) throw fail('来源无效');
    if (box.note !== undefined && (typeof box.note !== 'string' || box.note.length > NOTE_MAX)) {
      throw fail(`备注不能超过${NOTE_MAX}个字符`);
    }
    const x0 = Math.max(0, box.x);
    const y0 = Math.max(0, box.y);
    const x1 = Math.min(size.width, box.x + box.width);
    const y1 = Math.min(size.height, box.y + box.height);
    if (x1 <= x0 || y1 <= y0) throw fail('位于页面范围之外');
    const clean: RedactionBox = {
      page: box.page,
      x: x0,
      y: y0,
      width: x1 - x0,
      height: y1 - y0,
      reason: box.reason,
      source: box.source,
    };
    if (box.note !== undefined) clean.note = box.note;
    return clean;
  });
}

// The redaction page (区分处理): draws the saved boxes over the page images, and lets the handler draw a new box
// with the mouse (or a pen or finger). A drawn box is converted from the image's pixels to PDF points with the
// page's size (data-width/data-height, in points), put into the “添加遮盖框” form in 磅 and that form is sent —
// so the server checks and stores it exactly as a typed-in box. Without this script the typed-in form still works.
(() => {
  const root = document.getElementById('redaction');
  const form = document.getElementById(root ? root.dataset.boxesForm || '' : '');
  const pages = root ? root.querySelectorAll('figure.redaction-page') : [];

  // After a search or a refusal the page is sent again: take the keyboard to what changed.
  const changed = document.querySelector('main [role="alert"]') || document.getElementById('found-title');
  if (changed) {
    if (!changed.hasAttribute('tabindex')) changed.setAttribute('tabindex', '-1');
    changed.focus();
  }

  const place = (el, fig, img, box) => {
    const k = img.clientWidth / Number(fig.dataset.width);
    el.style.left = `${img.offsetLeft + box.x * k}px`;
    el.style.top = `${img.offsetTop + box.y * k}px`;
    el.style.width = `${box.width * k}px`;
    el.style.height = `${box.height * k}px`;
  };
  const style = (el, colour) => {
    el.style.position = 'absolute';
    el.style.boxSizing = 'border-box';
    el.style.border = `2px solid ${colour}`;
    el.style.background = 'rgba(0, 0, 0, 0.45)';
    el.style.pointerEvents = 'none';
  };

  for (const fig of pages) {
    const img = fig.querySelector('img');
    if (!img) continue;
    fig.style.position = 'relative';
    img.style.maxWidth = '100%';
    img.style.height = 'auto';
    const saved = [...fig.querySelectorAll('.redaction-box')];
    const layout = () => {
      for (const el of saved) {
        const d = el.dataset;
        place(el, fig, img, { x: +d.x, y: +d.y, width: +d.width, height: +d.height });
      }
    };
    for (const el of saved) {
      style(el, '#c00');
      el.title = `第${el.dataset.n}个遮盖框：${el.dataset.reason}`;
      el.hidden = false;
    }
    img.addEventListener('load', layout);
    window.addEventListener('resize', layout);
    if (img.complete) layout();
    if (!form) continue;

    // Drawing: press, drag, release. Points are measured from the displayed page's top-left.
    img.style.cursor = 'crosshair';
    img.style.touchAction = 'none';
    img.draggable = false;
    let start = null;
    const ghost = document.createElement('span');
    style(ghost, '#06c');
    ghost.hidden = true;
    fig.appendChild(ghost);
    const at = (e) => {
      const r = img.getBoundingClientRect();
      const k = Number(fig.dataset.width) / r.width;
      const clamp = (v, max) => Math.min(Math.max(v, 0), max);
      return {
        x: clamp((e.clientX - r.left) * k, Number(fig.dataset.width)),
        y: clamp((e.clientY - r.top) * k, Number(fig.dataset.height)),
      };
    };
    const boxOf = (a, b) => ({
      x: Math.min(a.x, b.x),
      y: Math.min(a.y, b.y),
      width: Math.abs(a.x - b.x),
      height: Math.abs(a.y - b.y),
    });
    img.addEventListener('pointerdown', (e) => {
      e.preventDefault();
      start = at(e);
      img.setPointerCapture(e.pointerId);
    });
    img.addEventListener('pointermove', (e) => {
      if (!start) return;
      place(ghost, fig, img, boxOf(start, at(e)));
      ghost.hidden = false;
    });
    img.addEventListener('pointerup', (e) => {
      if (!start) return;
      const box = boxOf(start, at(e));
      start = null;
      if (box.width < 2 || box.height < 2) {
        ghost.hidden = true;
        return;
      }
      const set = (name, value) => {
        const input = form.elements.namedItem(name);
        if (input) input.value = value;
      };
      set('page', fig.dataset.page);
      set('unit', 'pt');
      set('x', box.x.toFixed(2));
      set('y', box.y.toFixed(2));
      set('width', box.width.toFixed(2));
      set('height', box.height.toFixed(2));
      form.submit();
    });
  }
})();

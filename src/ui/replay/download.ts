/** Save files from the page: text (CSV, JSON), and a chart as SVG or PNG. */

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 2000);
}

export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const LINE_H = 19;

/** A title on lines of at most about 64 characters. */
function titleLines(title: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const w of title.split(' ')) {
    if (line && (line + ' ' + w).length > 64) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out;
}

/** A chart as a standalone SVG file: its title written above it, the "now" line left out. */
export function chartSvgText(svg: SVGSVGElement, title: string): { text: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  for (const el of clone.querySelectorAll('[data-export="skip"]')) el.remove();
  const [x, y, w, h] = (svg.getAttribute('viewBox') ?? '0 0 600 250').split(/\s+/).map(Number);
  const lines = titleLines(title);
  const TITLE_H = 10 + lines.length * LINE_H;
  clone.setAttribute('viewBox', `${x} ${y - TITLE_H} ${w} ${h + TITLE_H}`);
  clone.setAttribute('width', String(w * 2));
  clone.setAttribute('height', String((h + TITLE_H) * 2));
  clone.removeAttribute('class');
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('x', String(x));
  bg.setAttribute('y', String(y - TITLE_H));
  bg.setAttribute('width', String(w));
  bg.setAttribute('height', String(TITLE_H));
  bg.setAttribute('fill', '#ffffff');
  lines.reverse().forEach((line, i) => {
    const text = document.createElementNS(SVG_NS, 'text');
    text.setAttribute('x', String(x + 8));
    text.setAttribute('y', String(y - 8 - i * LINE_H));
    text.setAttribute('font-size', '15');
    text.setAttribute('font-weight', '700');
    text.setAttribute('fill', '#0b0c0c');
    text.textContent = line;
    clone.insertBefore(text, clone.firstChild);
  });
  clone.insertBefore(bg, clone.firstChild);
  return { text: new XMLSerializer().serializeToString(clone), width: w * 2, height: (h + TITLE_H) * 2 };
}

export function downloadSvg(svg: SVGSVGElement, name: string, title: string): void {
  downloadText(chartSvgText(svg, title).text, `${name}.svg`, 'image/svg+xml');
}

/** Render the SVG into a canvas and save it as PNG. */
export async function downloadPng(svg: SVGSVGElement, name: string, title: string): Promise<void> {
  const { text, width, height } = chartSvgText(svg, title);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((res) => canvas.toBlob(res, 'image/png'));
    if (blob) downloadBlob(blob, `${name}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}

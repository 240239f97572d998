// SVG element helpers shared by the map and the plan review's score chart.
const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes and children. */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: Node[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.append(...children);
  return el;
}

/** A <title>: the tooltip of its parent, and its accessible name. */
export function svgTitle(text: string): SVGTitleElement {
  const el = svg('title');
  el.textContent = text;
  return el;
}

// Building the page from data: every text goes in as a text node (never as HTML), so a
// description like <img src=x onerror=alert(1)> shows as those characters.
export type Child = Node | string | number | null | undefined | false | Child[];
type Props = Record<string, unknown>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v as EventListener);
    else if (k === "value" || k === "checked" || k === "disabled" || k === "selected") (el as any)[k] = v;
    else el.setAttribute(k === "className" ? "class" : k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

function append(el: Node, children: Child[]) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(typeof c === "object" ? c : document.createTextNode(String(c)));
  }
}

/** Replaces an element's content. */
export function fill(el: Element, ...children: Child[]) {
  el.replaceChildren();
  append(el, children);
}

/** A <select> of options [value, label], with the current value chosen. */
export function select(name: string, options: [string, string][], value: string, onchange?: (v: string) => void) {
  return h("select", { name, onchange: onchange && ((e: Event) => onchange((e.target as HTMLSelectElement).value)) },
    options.map(([v, label]) => h("option", { value: v, selected: v === value }, label)));
}

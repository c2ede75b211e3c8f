// A tiny element builder: the page is plain DOM, no framework.
type Props = Record<string, string | boolean | number>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'className') node.className = String(value);
    else if (name.startsWith('data-') || name === 'title' || name === 'placeholder' || name === 'type') node.setAttribute(name, String(value));
    else (node as unknown as Record<string, unknown>)[name] = value;
  }
  node.append(...children);
  return node;
}

export function button(label: string, testId: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', { type: 'button', 'data-testid': testId }, [label]);
  b.addEventListener('click', onClick);
  return b;
}

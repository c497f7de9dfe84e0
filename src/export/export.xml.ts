// Characters XML 1.0 cannot hold (controls other than tab, newline and return; lone surrogates; U+FFFE/FFFF).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

// Anything xmlText may change; most values hold none of it and are taken as they are.
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text for an XML attribute value or element: invalid characters become U+FFFD, markup is escaped. */
export function xmlText(value: string, attribute: boolean): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  const text = value.replace(NOT_XML_CHAR, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attribute ? text.replace(/"/g, '&quot;') : text;
}

/** ` name="value"` for each attribute, values escaped. */
export function xmlAttributes(attributes: Record<string, string>): string {
  return Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${xmlText(value, true)}"`)
    .join('');
}

/** An element of `children` pieces (or none) at `indent` levels of two spaces, opening on a new line. */
export function xmlElement(name: string, attributes: Record<string, string>, children: string[], indent: number): string {
  const pad = '  '.repeat(indent);
  const open = `\n${pad}<${name}${xmlAttributes(attributes)}`;
  return children.length === 0 ? `${open}/>` : `${open}>${children.join('')}\n${pad}</${name}>`;
}

/** An element holding text, on a new line at `indent` levels (self-closing when the text is empty). */
export function xmlTextElement(name: string, attributes: Record<string, string>, text: string, indent: number): string {
  const open = `\n${'  '.repeat(indent)}<${name}${xmlAttributes(attributes)}`;
  return text === '' ? `${open}/>` : `${open}>${xmlText(text, false)}</${name}>`;
}

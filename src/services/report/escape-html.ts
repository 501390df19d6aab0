/**
 * Escaping of plain text for HTML: the five characters that can end a text node or an attribute
 * value (& < > " ') become character references, so any text of a record (an event description,
 * a zone name) is shown as written and can never become markup.
 */

const REFERENCES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `text` safe inside an element or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => REFERENCES[c]);
}

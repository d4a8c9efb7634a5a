import { Parser } from 'htmlparser2';
import type { HtmlForm } from './http-evidence.js';

/** What the runner needs from one HTML page: its links (to follow) and its forms. */
export interface PageFacts {
  links: string[];
  forms: HtmlForm[];
}

const FIELD_TAGS = new Set(['input', 'select', 'textarea']);
const IGNORED_INPUTS = new Set(['submit', 'button', 'reset', 'image', 'file']);

/** Reads links and forms with a tolerant parser (pages are the team's, often not valid HTML). */
export function readPage(html: string, page: string): PageFacts {
  const links: string[] = [];
  const forms: HtmlForm[] = [];
  let form: HtmlForm | undefined;
  let select: HtmlForm['fields'][number] | undefined;
  let option: { value?: string; text: string } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'a' && attrs.href) links.push(attrs.href);
        if (name === 'form') {
          form = { page, action: attrs.action ?? '', method: (attrs.method ?? 'get').toUpperCase(), fields: [] };
          forms.push(form);
        }
        if (FIELD_TAGS.has(name) && attrs.name) {
          const type = name === 'input' ? (attrs.type ?? 'text').toLowerCase() : name;
          if (name === 'input' && IGNORED_INPUTS.has(type)) return;
          const field = { name: attrs.name, type, required: 'required' in attrs, ...(attrs.value !== undefined ? { value: attrs.value } : {}), ...(name === 'select' ? { options: [] as string[] } : {}) };
          // A field outside any form still belongs to the page's only form, if it names it (`form="id"`): rare, left out.
          form?.fields.push(field);
          if (name === 'select') select = field;
        }
        if (name === 'option' && select) option = { value: attrs.value, text: '' };
      },
      ontext(text) {
        if (option) option.text += text;
      },
      onclosetag(name) {
        if (name === 'option' && select && option) {
          const value = (option.value ?? option.text).trim();
          if (value) select.options!.push(value);
          option = undefined;
        }
        if (name === 'select') select = undefined;
        if (name === 'form') form = undefined;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { links: links.slice(0, 200), forms: forms.slice(0, 20) };
}

import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown written in a group, turned into the only HTML the web app ever renders. Two locks:
 * markdown-it with raw HTML disabled (a `<script>` stays text), then sanitize-html with an
 * allow-list of tags and attributes, and links restricted to http(s) and mailto. No images (a
 * file is attached instead), no style, no class, no event handler survives.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

const SANITISE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    's',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title'], ol: ['start'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Headings stay below the page's own title.
  transformTags: {
    h1: 'h3',
    h2: 'h4',
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
  },
  // `rel` and `target` are set by the transform above; they are not accepted from the author.
  exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href,
};
SANITISE.allowedAttributes = { ...SANITISE.allowedAttributes, a: ['href', 'title', 'rel', 'target'] };

/** Markdown → sanitised HTML, ready to store and render. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), SANITISE).trim();
}

/** The plain text of a post, on one line, for notification excerpts and thread lists. */
export function plainExcerpt(source: string, max = 200): string {
  return excerptOfHtml(renderMarkdown(source), max);
}

/** The plain text of HTML this module rendered (already sanitised), on one line. */
export function excerptOfHtml(html: string, max = 200): string {
  const textOnly = html
    .replace(/<\/(p|li|h[3-6]|blockquote|pre|tr)>|<br>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    // Last, so that an escaped entity (`&amp;lt;`) stays the text it was.
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return textOnly.length > max ? `${textOnly.slice(0, max - 1)}…` : textOnly;
}

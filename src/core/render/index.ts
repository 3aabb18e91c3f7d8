/** Renderers: Explanation → Markdown / plain text (/ HTML: see html*.ts). No detection logic here. */
export { renderMarkdown } from './markdown.js';
export { renderText } from './text.js';
export { escapeHtml, renderHtmlPage, renderHtmlAnswer, renderHtmlForm, renderHtmlErrors, renderDecisionSvg } from './html.js';

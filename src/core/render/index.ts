/** Renderers: Explanation → Markdown / plain text (/ HTML: see html*.ts). No detection logic here. */
export { renderMarkdown } from './markdown.js';
export { renderText } from './text.js';

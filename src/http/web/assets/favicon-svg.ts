/** /assets/favicon.svg — a "no entry" mark on the brand blue. */
export const FAVICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
  + '<rect width="32" height="32" rx="7" fill="#0b57b3"/>'
  + '<circle cx="16" cy="16" r="9.5" fill="none" stroke="#ffffff" stroke-width="3"/>'
  + '<path d="M9.5 22.5 22.5 9.5" stroke="#ffffff" stroke-width="3" stroke-linecap="round"/>'
  + '</svg>\n';

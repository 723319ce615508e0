/** The few pages sign-in answers with itself (before the front end can run): plain, in bokmål, without scripts. */
export function signInPage(title: string, paragraphs: readonly string[], links: ReadonlyArray<readonly [string, string]>): string {
  const body = paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('');
  const actions = links.map(([href, text]) => `<li><a href="${escapeHtml(href)}">${escapeHtml(text)}</a></li>`).join('');
  return `<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} – IMDi tilskuddsforvaltning</title><link rel="stylesheet" href="/styles.css"></head>
<body>
<header class="topp"><div class="bredde topp__innhold"><a class="topp__tittel" href="/">IMDi tilskuddsforvaltning</a></div></header>
<main id="hovedinnhold" class="bredde innhold"><h1>${escapeHtml(title)}</h1>${body}<ul>${actions}</ul></main>
</body>
</html>`;
}

export const SIGN_IN_PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
} as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

import type { SurveyWords } from './survey-text';

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1b1f24; }
  main { max-width: 34rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 8px;
    box-shadow: 0 1px 3px rgba(0,0,0,.12); }
  h1 { font-size: 1.5rem; margin-top: 0; }
  fieldset { border: 0; padding: 0; margin: 1.5rem 0; }
  legend { font-weight: 600; margin-bottom: .5rem; }
  .rating label { display: block; padding: .35rem .5rem; border-radius: 4px; }
  .rating label:hover { background: #eef2f7; }
  textarea { width: 100%; box-sizing: border-box; font: inherit; padding: .5rem; }
  button { font: inherit; padding: .6rem 1.5rem; background: #1f5fbf; color: #fff; border: 0;
    border-radius: 4px; cursor: pointer; }
  button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
  .error { color: #a4000f; font-weight: 600; }
`;

function page(words: SurveyWords, title: string, body: string): string {
  return `<!doctype html>
<html lang="${words.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The survey form: a rating 1–5 (radio buttons in a fieldset) and a comment, posted to itself. */
export function surveyFormPage(
  words: SurveyWords,
  input: { caseNumber: number; caseSubject: string; error?: string; comment?: string },
): string {
  const radios = words.ratings
    .map(
      (label, i) =>
        `<label><input type="radio" name="rating" value="${i + 1}" required> ${escapeHtml(label)}</label>`,
    )
    .join('\n');
  const error = input.error
    ? `<p class="error" role="alert" id="survey-error">${escapeHtml(input.error)}</p>`
    : '';
  return page(
    words,
    words.title,
    `<h1>${escapeHtml(words.title)}</h1>
<p>${escapeHtml(words.intro(input.caseNumber, input.caseSubject))}</p>
${error}
<form method="post">
<fieldset class="rating"${input.error ? ' aria-describedby="survey-error"' : ''}>
<legend>${escapeHtml(words.ratingLegend)}</legend>
${radios}
</fieldset>
<p><label for="comment">${escapeHtml(words.comment)}</label><br>
<textarea id="comment" name="comment" rows="4" maxlength="2000">${escapeHtml(input.comment ?? '')}</textarea></p>
<button type="submit">${escapeHtml(words.send)}</button>
</form>`,
  );
}

/** A page with a heading and one line: the thanks, or why the survey cannot be answered. */
export function surveyMessagePage(words: SurveyWords, heading: string, detail?: string): string {
  return page(
    words,
    heading,
    `<h1>${escapeHtml(heading)}</h1>${detail ? `\n<p>${escapeHtml(detail)}</p>` : ''}`,
  );
}

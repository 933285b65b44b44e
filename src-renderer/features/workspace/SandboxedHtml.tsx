import { useTranslation } from 'react-i18next';

/**
 * Inside the frame: nothing may load or run. The sandbox (empty: no scripts, no same-origin, no
 * forms, no popups, no navigation of the console) is the wall; this policy is a second one, and
 * also keeps tracking pixels and remote fonts from phoning home. Inline styles and data: images stay.
 */
const FRAME_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const FRAME_STYLE =
  'body{margin:8px;font:14px/1.45 system-ui,sans-serif;color:#212529;overflow-wrap:anywhere}img{max-width:100%;height:auto}';

/** The frame's document: the policy first, before anything of the sender's. */
export function frameDocument(bodyHtml: string): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${FRAME_POLICY}">` +
    `<style>${FRAME_STYLE}</style></head><body>${bodyHtml}</body></html>`
  );
}

/**
 * An email's HTML, shown only inside an empty-sandbox frame. The server has sanitised it
 * already; this is the layer that holds even if sanitising missed something. Without scripts the
 * frame cannot report its height, so it has a fixed one, scrolls, and the person may resize it.
 */
export function SandboxedHtml({ html }: { html: string }) {
  const { t } = useTranslation();
  return (
    <iframe
      sandbox=""
      srcDoc={frameDocument(html)}
      title={t('message.htmlTitle')}
      referrerPolicy="no-referrer"
      loading="lazy"
      data-testid="message-html"
      style={{
        display: 'block',
        width: '100%',
        height: 240,
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 4,
        background: 'white',
        resize: 'vertical',
        overflow: 'auto',
      }}
    />
  );
}

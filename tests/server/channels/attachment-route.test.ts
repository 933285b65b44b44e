import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORG } from '../../fixtures/minimal-org';
import { startTestServer, type TestServer } from '../support/test-server';
import { insertAttachment, insertInboundEmail } from './reply-fixtures';

describe('GET /api/v1/attachments/:id', () => {
  let server: TestServer;
  let pdf: string, html: string, spanish: string;
  let tokens: Record<'ana' | 'eva' | 'sofia' | 'carl', string>;

  beforeAll(async () => {
    server = await startTestServer();
    const db = server.database.db;
    const en = await insertInboundEmail(db);
    const es = await insertInboundEmail(db, { caseId: ORG.cases.es });
    pdf = await insertAttachment(db, en.id, {
      filename: 'Factura año.pdf',
      contentType: 'application/pdf',
      content: Buffer.from('%PDF-1.4 test'),
    });
    html = await insertAttachment(db, en.id, {
      filename: '../<script>alert(1)</script>.html',
      contentType: 'text/html',
      content: Buffer.from('<script>parent.pwned = true</script>'),
    });
    spanish = await insertAttachment(db, es.id, {
      filename: 'captura.png',
      contentType: 'image/png',
      content: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    });
    const [ana, eva, sofia, carl] = await Promise.all(
      (['ana', 'eva', 'sofia', 'carl'] as const).map(async (u) => (await server.login(u)).token),
    );
    tokens = { ana: ana!, eva: eva!, sofia: sofia!, carl: carl! };
  });
  afterAll(async () => {
    await server?.close();
  });

  const get = (id: string, token?: string) =>
    fetch(`${server.url}/api/v1/attachments/${encodeURIComponent(id)}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  it('serves a PDF inline with safe headers to an agent of the case queue', async () => {
    const res = await get(pdf, tokens.ana);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      `inline; filename="Factura a_o.pdf"; filename*=UTF-8''Factura%20a%C3%B1o.pdf`,
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('%PDF-1.4 test');
  });

  it('sends HTML as an opaque download with a cleaned name', async () => {
    const res = await get(html, tokens.ana);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; /);
    expect(disposition).not.toMatch(/[<>]|\.\.\//);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
  });

  it('answers 404 for a case outside the person scope and for unknown ids', async () => {
    expect((await get(spanish, tokens.ana)).status).toBe(404);
    expect((await get(pdf, tokens.eva)).status).toBe(404);
    expect((await get('att_missing', tokens.ana)).status).toBe(404);
  });

  it('lets supervisors read any case file, and requires a session', async () => {
    expect((await get(spanish, tokens.sofia)).status).toBe(200);
    expect((await get(pdf)).status).toBe(401);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(doc.paths).toHaveProperty(['/api/v1/attachments/{id}']);
  });
});

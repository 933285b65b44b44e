import type { KbArticleSeed } from './article';

export const DATA_BRIDGE_API_ARTICLES: KbArticleSeed[] = [
  {
    title: 'Webhook deliveries fail with 401 after rotating the signing secret',
    body: `When a signing secret is rotated, Data Bridge keeps signing with the old secret for a 24-hour grace period and sends both signatures in the X-Bridge-Signature header (v1=old,v1=new). Receivers that compare only the first signature reject every delivery once they switch to the new secret.

Make the receiver accept the request if any v1 signature in the header matches. Always compare signatures in constant time and over the raw request body, before parsing JSON.

Failed deliveries are retried with backoff for 72 hours; after the fix, use "Redeliver failed" on the webhook page to replay them at once.`,
  },
  {
    title: 'OAuth refresh returns invalid_grant',
    body: `Refresh tokens rotate: each successful refresh returns a new refresh token and invalidates the one used. An integration that runs on several workers and shares a stored refresh token will see invalid_grant as soon as two workers refresh at nearly the same time.

Store the token pair in one place and refresh under a lock, or let a single process own refreshing. If a token was already invalidated, the user must authorise the app again.

Refresh tokens also expire after 90 days without use.`,
  },
  {
    title: 'Cursor pagination returns fewer records than the total',
    body: `Cursors are stable only for the sort order they were created with. Changing the sort, the filter or the page size between requests makes the API start a new cursor, which can skip or repeat records.

Request every page with exactly the same query parameters and only the cursor changing. For a consistent snapshot of a changing collection, add updated_before=<timestamp of the first request> to every page.

The total_count field is an estimate for collections over 10,000 records; do not use it to validate a full walk.`,
  },
  {
    title: 'Rate limits and HTTP 429',
    body: `Limits apply per API key and per endpoint group: 600 requests per minute for reads and 120 per minute for writes on the standard plan, with a burst of 20 requests per second. Bulk endpoints have their own limit of 10 jobs per minute.

Every response carries RateLimit-Remaining and RateLimit-Reset headers. On 429, wait for the number of seconds in Retry-After before retrying; retrying at once extends the block.

An integration hitting 429 far below the quota is usually sending writes in bursts from several threads. Spread writes or use the bulk endpoints. Higher limits can be requested through the account manager.`,
  },
  {
    title: 'Sync creates duplicate records in the CRM',
    body: `Upserts match on the external ID field configured in the connector. If that field is not marked as unique and external in the CRM, the connector cannot look records up by it and creates a new record on every run.

In the CRM, mark the field as "External ID" and "Unique". In the connector mapping, choose it as the match key. Then run the "Merge duplicates" job from the connector page to merge records created by earlier runs.`,
  },
  {
    title: 'Source IP addresses for webhooks',
    body: `Webhooks are sent from a fixed set of addresses per region, published at the status page under "Network". Addresses change rarely and are announced 30 days in advance to account administrators.

Allow-listing IP addresses is a useful extra layer but not a replacement for verifying the signature: other tenants send from the same addresses.`,
  },
  {
    title: 'Timestamps and time zones in API responses',
    body: `All timestamps in the API are in UTC, in ISO 8601 with a "Z" suffix. The web app shows them in the user's time zone, so they differ by the user's offset — and the offset changes with daylight saving time.

Convert on the client, never by adding a fixed offset. Filters such as created_after also expect UTC.`,
  },
];

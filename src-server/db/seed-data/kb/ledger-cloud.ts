import type { KbArticleSeed } from './article';

export const LEDGER_CLOUD_ARTICLES: KbArticleSeed[] = [
  {
    title: 'Invoice export to PDF times out for large batches',
    body: `Exports of more than roughly 300 invoices in one job can exceed the 120-second limit of the export worker, and the job ends with "Request timed out". Nothing is lost: invoices that were rendered before the timeout are kept in the export history.

Workaround: filter the invoice list by date range or by customer group so that each export holds at most 200 invoices, then run one export per filter. The combined ZIP files can be sent to auditors as they are.

Permanent fix: release 24.6 moves large exports to a background job and emails a download link when the file is ready. Customers on 24.5 or earlier should be told the fix date and given the workaround.`,
  },
  {
    title: 'Bank feed shows "Connected" but imports no transactions',
    body: `Bank connections use a consent token issued by the bank that usually lasts 90 days. When the consent expires, some banks keep answering the status check, so the connection page still says "Connected" while transaction requests fail silently.

1. Open Banking > Connections and select the account.
2. Click "Renew consent" and sign in at the bank with a user who has approval rights.
3. Back in Ledger Cloud, click "Fetch now". Transactions from the gap are imported, up to 90 days back.

If renewal fails with "institution unavailable", check the bank's status on the provider page linked from the connection, and log a case with the connection ID and the last successful import date.`,
  },
  {
    title: 'VAT report total differs from the tax accounts',
    body: `The VAT report is built from the tax lines of posted documents; the trial balance is built from journal lines. They differ when a document's tax was changed by a manual journal, or when credit notes were posted with a tax date in another period.

Run the "VAT reconciliation" report for the same period: it lists every document whose tax line and journal line disagree. The most common causes are credit notes dated in the previous quarter and manual journals posted directly to a tax account.

Correct the tax date of the document (not the journal) and re-run the VAT report. Never post manual journals to tax accounts; use a tax adjustment document instead so both reports stay aligned.`,
  },
  {
    title: 'Month-end close blocked by "unposted journals"',
    body: `The close check looks at all journal types, including recurring journal templates whose next run falls inside the period and journals created by integrations through the API. The Draft filter on the journal list only shows manual journals, which is why the list can look empty.

Open Accounting > Period close and click the number next to "Unposted journals": the drill-down shows every blocking journal, including API and recurring ones. Post or delete them, or move the recurring template's next run date past the period end.

Once the list is empty, run the close again. Closing is reversible by an administrator from the same page if something was posted in the wrong period.`,
  },
  {
    title: 'Recurring invoices sent twice',
    body: `A recurring schedule sends twice when it was duplicated (copied templates keep the same customers) or when its start date was edited after a run, which can make the scheduler believe the current run is still due.

Check Sales > Recurring: sort by customer and look for two templates for the same customer and amount. Pause the duplicate. Then credit the second invoice with "Credit in full" so numbering stays gap-free; deleting a sent invoice is not allowed in most jurisdictions.

Tell the customer which of the two invoice numbers stays valid. To prevent repeats, edit schedules only between runs and never copy a template without changing its customer list.`,
  },
  {
    title: 'Setting up multi-currency revaluation accounts',
    body: `Unrealised exchange gains and losses are posted to the accounts set under Settings > Currencies > Revaluation. If those fields are empty, the revaluation run falls back to the suspense account and shows a warning in the run log.

Set separate accounts for unrealised gain and unrealised loss, and optionally per currency. Reverse the misposted run from the revaluation history ("Reverse run"), then run it again for the same date.

Revaluation runs are reversed automatically on the first day of the next period, so only the period-end balance is affected.`,
  },
  {
    title: 'Importing opening balances from CSV',
    body: `The import expects one row per account with columns account code, description, debit and credit. Amounts must use the decimal separator of the company's number format, set under Settings > Region; a file with commas as decimals imported into a company set to "1,234.56" is rejected with "column 4 is not a number".

Either change the file (replace decimal commas with points and remove thousands separators) or pick the matching number format in the import dialog's "File format" step.

Debits and credits must balance; the difference is shown before import and can be posted to the opening balance equity account automatically.`,
  },
];

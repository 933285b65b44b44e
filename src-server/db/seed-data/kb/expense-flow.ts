import type { KbArticleSeed } from './article';

export const EXPENSE_FLOW_ARTICLES: KbArticleSeed[] = [
  {
    title: 'Receipt scanning reads the wrong amount',
    body: `The scanner looks for the largest amount labelled as a total. Restaurant receipts often print the subtotal in bold and the tip or tax on separate lines, so the scanner may pick the subtotal.

Employees can correct the amount before submitting; corrections are used to train the scanner for that merchant. Administrators can set "Prefer amount including tax" under Settings > Receipts, which fixes most restaurant receipts.

Photos taken at an angle or with folds lower accuracy; ask employees to flatten receipts and use the in-app camera frame.`,
  },
  {
    title: 'Corporate card transactions are not importing',
    body: `Card feeds come from the card issuer once a day. Imports stop when the feed authorisation expires (yearly for most issuers) or when a new card range was issued and not yet added to the feed.

Check Settings > Cards > Feeds: an expired feed shows "Re-authorise". New cards appear under "Unassigned cards" and must be matched to employees. Transactions from the gap are delivered with the next import, up to 60 days back.`,
  },
  {
    title: 'Approval workflow skips finance review',
    body: `Approval steps are evaluated in order and a step is skipped if its condition is false. Amount conditions compare against the report total in the company currency; a condition written as "total > 1000" skips reports of exactly 1,000 and reports in other currencies whose converted total is lower.

Open Settings > Approvals, check the condition on the finance step, and use "greater than or equal". Use the "Test workflow" button with a sample report to see which steps apply. Reports already paid are not affected by changing the workflow.`,
  },
  {
    title: 'Updating mileage and per diem rates for a new year',
    body: `Rates belong to a policy version with an effective date. Changing the rate in the current version changes past claims on recalculation, so the right way is to add a new version effective January 1.

Per diem rates are chosen by the trip's destination country, taken from the first expense's location. A trip that starts with an expense at home (e.g. a taxi to the airport) gets the home country's rate; employees can set the destination explicitly on the trip.`,
  },
  {
    title: '"Policy violation" on submit without a flagged line',
    body: `Policy checks also run on the report as a whole: a maximum per report, a missing business purpose, or a trip without a destination. These appear in the report header's warnings, not next to a line.

Open the report, expand "Warnings" at the top, and fix the report-level item. Administrators can make report-level rules warnings instead of blockers.`,
  },
  {
    title: 'Cost centres missing in the accounting export',
    body: `The export takes cost centres from the employee's default unless the expense line overrides it. When the cost centre list is synchronised from the ledger and a code is renamed there, employees keep a reference to the old code, which exports as empty.

Run Settings > Accounting > "Validate mappings" to list employees and lines with unknown cost centres, fix them in bulk, and export again. The export can be repeated safely: lines already exported are skipped unless you choose "Re-export".`,
  },
  {
    title: 'Delegates cannot submit reports on behalf of someone',
    body: `Delegates can create and edit reports, but submitting requires the permission "Submit on behalf", which is off by default because submitting is a declaration by the employee.

The employee (or an administrator) can grant it under Profile > Delegates. Reports submitted by a delegate show both names in the audit trail.`,
  },
];

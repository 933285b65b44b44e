import type { KbArticleSeed } from './article';

export const PAYROLL_PRO_ARTICLES: KbArticleSeed[] = [
  {
    title: 'Resetting access for users who sign in with SSO',
    body: `Users who sign in through single sign-on (Okta, Entra ID, Google) have no local password, so the "Forgot password" link answers that the account is managed externally. When such a user is suddenly asked for a local password, their account has lost its SSO link — usually because their email address changed in the identity provider.

1. Open Admin > Users and select the user.
2. Under "Sign-in method", click "Re-link SSO identity" and confirm.
3. Ask the user to sign out everywhere and sign in again through the company login page.

Never switch the user to local password sign-in as a workaround: it bypasses the company's MFA policy.`,
  },
  {
    title: 'New hires missing from the payroll run',
    body: `An employee is included in a run only when all three are true: the employment start date is on or before the period end, a pay group is assigned, and a salary or hourly rate is effective in the period.

Open the employee and check the "Payroll readiness" panel: it names the missing item. The most common gap is the pay group, which the HR module does not set.

After fixing, use "Recalculate" on the draft run. If the run is already closed, add the employees to an off-cycle run instead of reopening the period.`,
  },
  {
    title: 'Overtime rates and collective agreement rules',
    body: `Overtime rates come from the rule set attached to the employee's contract type, not from the company default. Weekend and holiday multipliers are separate lines in the rule set.

When rates change at the start of a year, a new rule set version must be effective from that date. Editing the old version changes nothing for past periods and is ignored for future ones once a newer version exists.

To correct underpaid overtime, fix the rule set and run "Retro calculation" for the affected periods; the difference is paid in the next regular run.`,
  },
  {
    title: 'Payroll tax submission rejected with error 7043',
    body: `Error 7043 ("invalid employer reference") means the employer reference in the submission does not match the one registered with the tax authority for the submission period. It typically follows a change of the company's legal entity or an update of the reference in Settings > Tax without an effective date.

Check Settings > Tax > Employer references: the reference valid for the period must be listed with the right start date. Correct it and resubmit from Filings > Rejected.

Resubmitting within the filing deadline carries no penalty; if the deadline has passed, attach the rejection receipt to the late filing note.`,
  },
  {
    title: 'Execution date of the salary payment file',
    body: `The payment file uses the run's pay date unless "Execute immediately" is ticked on the payment step, in which case today's date is used. Banks execute on the requested date, so a file with today's date pays people early.

Before uploading to the bank, open the generated file's summary: it shows the requested execution date. To regenerate, cancel the payment batch (the run stays closed) and create it again with the correct option.

Some banks reject execution dates more than 30 days ahead; in that case upload the file closer to the pay date.`,
  },
  {
    title: 'Reopening a closed payroll run',
    body: `Closed runs cannot be reopened once payment files were created or filings were submitted, because those have left the system. Before that point an administrator can use "Reopen run" from the run's menu; every change after reopening is logged.

When the run cannot be reopened, create an off-cycle run for the missing items (for example a bonus). Off-cycle runs are taxed with the same period's cumulative figures, so the employee's net pay is the same as if it had been in the original run.`,
  },
  {
    title: 'Employees see a blank payslip in the mobile app',
    body: `The mobile app renders payslips with the device's PDF viewer. On some Android devices the built-in viewer cannot open password-protected PDFs and shows an empty page.

Ask the employee to update the app to the latest version, which ships its own viewer. If that is not possible, the administrator can turn off "Protect payslip PDFs with a password" under Settings > Self-service; payslips remain protected by the app sign-in.`,
  },
];

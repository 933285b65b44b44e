import type { KbArticleSeed } from './article';

export const FIELD_SERVICE_ARTICLES: KbArticleSeed[] = [
  {
    title: 'Technicians see an empty job list in the mobile app',
    body: `The app shows only jobs assigned to the technician's resource record and within the sync window (by default the last 2 and next 7 days). An empty list with jobs visible on the dispatch board usually means the user is linked to a different resource record, for example after being re-created.

1. On the dispatch board, open one of the jobs and note the resource name.
2. In Admin > Users, open the technician and check "Linked resource" — it must be the same resource.
3. On the device, pull down to refresh, or sign out and in.

If the link is right, check that the device clock is correct: a clock far off moves the sync window.`,
  },
  {
    title: 'Job updates made offline did not sync',
    body: `Work done without coverage is queued on the device and sent when the connection returns. Updates are kept until the server confirms them, so they are not lost when the app is closed — but they are lost if the app is uninstalled or the user signs out before syncing.

Ask the technician to open Settings > Sync status on the device: pending updates are listed with their age. Tap "Sync now" on a good connection. If an update shows "Conflict", the job was changed by dispatch in the meantime; the technician can keep their version or the office version.

Advise technicians never to sign out while updates are pending; the app warns since version 5.3.`,
  },
  {
    title: 'Route optimisation and appointment time windows',
    body: `The optimiser treats appointment windows as hard constraints only when the job's "Window type" is "Fixed". Jobs imported through the API default to "Preferred", which the optimiser may break to save travel time.

Set the window type on the job type (Admin > Job types) so every new job inherits it, and bulk-update existing open jobs from the job list. Re-run the optimisation for the affected days.

If no feasible route exists, the optimiser leaves jobs unassigned and lists them with the reason rather than breaking a fixed window.`,
  },
  {
    title: 'App closes when attaching photos on Android 14',
    body: `On Android 14, the system photo picker returns images in a format that versions 5.1 and older of the app could not read when more than one photo was selected, which made the app close.

Version 5.2 fixes this. Ask the technician to update from the Play Store, or push the update through the company's device management. Until then, attaching one photo at a time works.`,
  },
  {
    title: 'Van stock is not reduced when parts are used on jobs',
    body: `Parts recorded on a job reduce stock only when the technician's van is set as the job's "Stock location". Jobs created from templates before stock tracking was enabled have no stock location.

Set a default stock location per technician in Admin > Resources. For completed jobs with missing deductions, use Inventory > Adjustments > "Post usage from jobs" for the date range; it creates the missing stock movements in one batch.`,
  },
  {
    title: 'SLA clock and paused jobs',
    body: `A job paused with the reason "Waiting for parts" or "Waiting for customer" stops the SLA clock only if that reason is marked "Stops SLA" in Admin > Pause reasons. Custom reasons are created without this flag.

Edit the reason and tick "Stops SLA". The change applies to future pauses; to recalculate past jobs, run the SLA report with "Recalculate paused time".`,
  },
  {
    title: 'Appointment reminders by SMS stopped',
    body: `SMS reminders go through the messaging provider configured under Settings > Notifications. When the prepaid SMS balance runs out or the sender ID registration expires, the provider rejects messages and the notification log shows "Rejected by carrier".

Top up the balance or renew the sender registration with the provider; reminders resume on the next scheduler run (every 15 minutes). Reminders that were due in the meantime are not re-sent automatically; use "Resend reminders" on the schedule for the affected day.`,
  },
];
